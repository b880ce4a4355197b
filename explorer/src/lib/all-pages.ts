/** Reads every page of a list through the client (and its cache), for views that need the whole list. */
import { useEffect, useState } from 'react';
import { CombinedError, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { useClient } from 'urql';

export interface Page<N> {
  nodes: N[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface AllPages<N> {
  nodes: N[];
  done: boolean;
  error: CombinedError | undefined;
}

export function useAllPages<Data, Variables extends AnyVariables, N>(
  query: TypedDocumentNode<Data, Variables>,
  variables: (after: string | undefined) => Variables,
  pageOf: (data: Data) => Page<N> | undefined,
  key: string,
): AllPages<N> {
  const client = useClient();
  const [state, setState] = useState<AllPages<N>>({ nodes: [], done: false, error: undefined });
  useEffect(() => {
    let live = true;
    setState({ nodes: [], done: false, error: undefined });
    const read = async () => {
      const nodes: N[] = [];
      let after: string | undefined;
      for (;;) {
        const result = await client.query(query, variables(after)).toPromise();
        if (!live) return;
        if (result.error !== undefined) throw result.error;
        const page = result.data === undefined ? undefined : pageOf(result.data);
        if (page === undefined) break;
        nodes.push(...page.nodes);
        setState({ nodes: [...nodes], done: !page.hasNextPage, error: undefined });
        if (!page.hasNextPage || page.endCursor === null) return;
        after = page.endCursor;
      }
      setState({ nodes, done: true, error: undefined });
    };
    read().catch((error: unknown) => {
      if (live)
        setState((s) => ({
          ...s,
          done: true,
          error: error instanceof CombinedError ? error : new CombinedError({ networkError: error as Error }),
        }));
    });
    return () => {
      live = false;
    };
    // The key names the list (the callbacks, rebuilt on every render, read the same one).
  }, [client, key]);
  return state;
}
