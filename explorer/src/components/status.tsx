/** What a view shows while it waits, when the API refuses, and when there is nothing at the URL. */
import type { CombinedError } from '@urql/core';
import { Link } from 'wouter';

export function Loading({ what }: { what: string }) {
  return (
    <p className="status" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** The API's own message and code: a refused query is explained in the view, never a blank page. */
export function ApiError({ error }: { error: CombinedError }) {
  const graphQLErrors = error.graphQLErrors.map((e) => ({
    message: e.message,
    code: typeof e.extensions.code === 'string' ? e.extensions.code : 'GRAPHQL_ERROR',
  }));
  const shown =
    graphQLErrors.length > 0
      ? graphQLErrors
      : [{ message: error.networkError?.message ?? error.message, code: 'NETWORK_ERROR' }];
  return (
    <div className="error" role="alert">
      <h2>The API refused this request</h2>
      <ul>
        {shown.map((e, i) => (
          <li key={i}>
            <code className="error-code">{e.code}</code> <span className="error-message">{e.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function NotFound({ what }: { what?: string }) {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Not found</h1>
      <p>{what ?? 'There is no page at this address.'}</p>
      <p>
        <Link href="/">Back to the start</Link>
      </p>
    </section>
  );
}
