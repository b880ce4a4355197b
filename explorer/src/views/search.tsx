/** Search: words, the kinds of result to show, and the matched words highlighted in each result. */
import { useState, type SyntheticEvent } from 'react';
import { useQuery } from 'urql';
import { Link, useLocation } from 'wouter';
import { Downloads } from '../components/downloads';
import { KindBadge } from '../components/kind';
import { ApiError, Loading } from '../components/status';
import type { ExplorerSearchQuery, SearchType } from '../gql/graphql';
import { marked } from '../lib/spans';
import { SearchQuery } from '../queries';
import { useHref, useParams } from '../routing';

const TYPES: [SearchType, string][] = [
  ['CLAIM', 'Claims'],
  ['DOCUMENT', 'Documents'],
  ['PERSON', 'People'],
  ['ORGANIZATION', 'Organizations'],
  ['PLACE', 'Places'],
  ['EVENT', 'Events'],
];
const PAGE_SIZES = ['10', '25', '50', '100'];

type Hit = ExplorerSearchQuery['search']['nodes'][number];

export function Search() {
  const params = useParams();
  const [, navigate] = useLocation();
  const href = useHref();
  const query = params.get('q') ?? '';
  const types = (params.get('types') ?? '').split(',').filter((t): t is SearchType => TYPES.some(([v]) => v === t));
  const first = PAGE_SIZES.includes(params.get('first') ?? '') ? Number(params.get('first')) : 25;
  const after = params.get('after') ?? undefined;
  const [text, setText] = useState(query);
  const [result] = useQuery({
    query: SearchQuery,
    variables: { query, types: types.length > 0 ? types : undefined, first, after },
    pause: query.trim() === '',
  });

  const go = (changes: Record<string, string | undefined>) => {
    const next = { q: query, types: types.join(','), first: String(first), ...changes };
    navigate(href('/search', next));
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    go({ q: text, after: undefined });
  };
  const hits = result.data?.search.nodes ?? [];
  return (
    <>
      <h1>Search</h1>
      <form role="search" className="search-form" onSubmit={submit}>
        <label htmlFor="search-q">Words</label>
        <input
          id="search-q"
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
          }}
        />
        <button type="submit">Search</button>
        <fieldset className="types">
          <legend>Show only</legend>
          {TYPES.map(([value, label]) => (
            <label key={value}>
              <input
                type="checkbox"
                name="types"
                value={value}
                checked={types.includes(value)}
                onChange={(e) => {
                  const next = e.target.checked ? [...types, value] : types.filter((t) => t !== value);
                  go({ types: next.join(','), q: text, after: undefined });
                }}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <label htmlFor="search-first">Per page</label>
        <select
          id="search-first"
          value={String(first)}
          onChange={(e) => {
            go({ first: e.target.value, after: undefined });
          }}
        >
          {PAGE_SIZES.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
      </form>
      <p className="hint">All words must match; use "exact phrases", OR, and -word to exclude.</p>
      {result.error === undefined ? null : <ApiError error={result.error} />}
      {result.fetching ? <Loading what="results" /> : null}
      {result.data === undefined ? null : (
        <section className="list" aria-label="Results">
          <header className="list-header">
            <h2>
              Results <span className="count">({result.data.search.totalCount})</span>
            </h2>
            <Downloads name="search" rows={hits.map(hitRow)} />
          </header>
          <ol className="plain results">
            {hits.map((hit, i) => (
              <li key={i} className="card">
                <HitView hit={hit} />
              </li>
            ))}
          </ol>
          {result.data.search.pageInfo.hasNextPage ? (
            <Link
              href={href('/search', {
                q: query,
                types: types.join(','),
                first: String(first),
                after: result.data.search.pageInfo.endCursor ?? undefined,
              })}
            >
              Next results
            </Link>
          ) : null}
        </section>
      )}
    </>
  );
}

function hitRow(hit: Hit) {
  const node = hit.node;
  const label = 'title' in node ? node.title : 'name' in node ? node.name : node.text;
  return { type: node.__typename, id: node.id, label, score: hit.score };
}

/** The field's text with the highlights that fall in it; long texts cut around the first match. */
function Highlighted({ hit, field, value }: { hit: Hit; field: string; value: string }) {
  const spans = hit.highlights.filter((h) => h.field === field).map((h) => h.span);
  let text = value;
  let shifted: { start: number; end: number }[] = spans;
  const first = spans[0];
  if (value.length > 400 && first !== undefined) {
    const from = Math.max(0, first.start - 150);
    text = (from > 0 ? '…' : '') + value.slice(from, from + 400) + '…';
    const offset = from > 0 ? 1 - from : 0;
    shifted = spans
      .map((s) => ({ start: s.start + offset, end: s.end + offset }))
      .filter((s) => s.start >= 0 && s.end <= text.length);
  } else if (value.length > 400) {
    text = value.slice(0, 400) + '…';
  }
  return (
    <>
      {marked(text, shifted).map((part, i) =>
        part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}

function HitView({ hit }: { hit: Hit }) {
  const href = useHref();
  const node = hit.node;
  switch (node.__typename) {
    case 'Claim':
      return (
        <>
          <p className="result-type">
            Claim <KindBadge kind={node.kind} />
          </p>
          <h3>
            <Link href={href(`/documents/${node.document.id}`, { claim: node.id })}>
              <Highlighted hit={hit} field="text" value={node.text} />
            </Link>
          </h3>
          <p className="claim-quote">
            “<Highlighted hit={hit} field="quote" value={node.quote} />”
          </p>
          <p className="meta">
            {node.speaker?.name ?? 'Unattributed'} in {node.document.title}
          </p>
        </>
      );
    case 'Document':
      return (
        <>
          <p className="result-type">Document</p>
          <h3>
            <Link href={href(`/documents/${node.id}`)}>
              <Highlighted hit={hit} field="title" value={node.title} />
            </Link>
          </h3>
          <p className="meta">{[node.publisher, node.publishedOn?.value].filter(Boolean).join(' · ')}</p>
        </>
      );
    case 'Event':
      return (
        <>
          <p className="result-type">Event · {node.date.value}</p>
          <h3>
            <Link href={href('/timeline', { event: node.id })}>
              <Highlighted hit={hit} field="title" value={node.title} />
            </Link>
          </h3>
          {node.description === null ? null : (
            <p>
              <Highlighted hit={hit} field="description" value={node.description} />
            </p>
          )}
        </>
      );
    case 'Person':
    case 'Organization':
    case 'Place': {
      const path = { Person: '/people', Organization: '/organizations', Place: '/places' }[node.__typename];
      return (
        <>
          <p className="result-type">{node.__typename}</p>
          <h3>
            <Link href={href(`${path}/${node.id}`)}>
              <Highlighted hit={hit} field="name" value={node.name} />
            </Link>
          </h3>
          {node.description === null ? null : (
            <p>
              <Highlighted hit={hit} field="description" value={node.description} />
            </p>
          )}
        </>
      );
    }
  }
}
