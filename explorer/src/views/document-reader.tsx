/** The document reader: the text with every claim's words marked by kind, and the selected claim's card. */
import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { Link, useLocation } from 'wouter';
import { ClaimCard, type ReaderClaim } from '../components/claim-card';
import { Downloads } from '../components/downloads';
import { KIND_LABELS } from '../components/kind';
import { ApiError, Loading, NotFound } from '../components/status';
import { useAllPages } from '../lib/all-pages';
import { runs } from '../lib/spans';
import { DocumentClaimsQuery, DocumentQuery } from '../queries';
import { useHref, useParams } from '../routing';

export function DocumentReader({ id }: { id: string }) {
  const href = useHref();
  const selectedId = useParams().get('claim');
  const [result] = useQuery({ query: DocumentQuery, variables: { id } });
  const claims = useAllPages(
    DocumentClaimsQuery,
    (after) => ({ id, first: 50, after }),
    (data) => {
      const page = data.document?.claims;
      return page === undefined ? undefined : { nodes: page.nodes, ...page.pageInfo };
    },
    id,
  );
  if (result.error !== undefined) return <ApiError error={result.error} />;
  if (result.fetching || result.data === undefined) return <Loading what="the document" />;
  const doc = result.data.document;
  if (doc === null) return <NotFound what={`No document has the id “${id}”.`} />;
  const selected = claims.nodes.find((c) => c.id === selectedId);
  return (
    <article className="reader">
      <header>
        <h1>{doc.title}</h1>
        <p className="meta">
          {[doc.publisher, doc.publishedOn?.value].filter(Boolean).join(' · ')}
          {doc.authors.length > 0 ? ' · by ' : ''}
          {doc.authors.map((a, i) => (
            <span key={a.id}>
              {i > 0 ? ', ' : ''}
              <Link href={href(`/people/${a.id}`)}>{a.name}</Link>
            </span>
          ))}
          {doc.url === null ? null : (
            <>
              {' · '}
              <a href={doc.url} rel="noreferrer">
                original
              </a>
            </>
          )}
        </p>
        <Legend />
      </header>
      {claims.error === undefined ? null : <ApiError error={claims.error} />}
      {claims.done ? null : <Loading what="the claims" />}
      <div className="reader-body">
        <DocumentText documentId={doc.id} text={doc.text} claims={claims.nodes} selectedId={selectedId} />
        <aside className="reader-side" aria-label="Claim">
          {selected === undefined ? (
            <p className="hint">Select a marked passage to see its claim.</p>
          ) : (
            <ClaimCard claim={selected} />
          )}
          <section className="list" aria-label="Claims in this document">
            <header className="list-header">
              <h2>
                Claims <span className="count">({claims.nodes.length})</span>
              </h2>
              <Downloads
                name={`claims-${doc.id}`}
                rows={claims.nodes.map((c) => ({
                  id: c.id,
                  kind: c.kind,
                  speaker: c.speaker?.name,
                  text: c.text,
                  quote: c.quote,
                  start: c.span.start,
                  end: c.span.end,
                  sourceLink: c.sourceLink,
                }))}
              />
            </header>
          </section>
          <Mentions doc={doc} />
        </aside>
      </div>
    </article>
  );
}

function Legend() {
  return (
    <p className="legend" aria-label="Legend">
      {Object.entries(KIND_LABELS).map(([kind, label]) => (
        <span key={kind} className={`claim-span kind-${kind.toLowerCase()}`}>
          {label}
        </span>
      ))}
    </p>
  );
}

function DocumentText({
  documentId,
  text,
  claims,
  selectedId,
}: {
  documentId: string;
  text: string;
  claims: readonly ReaderClaim[];
  selectedId: string | null;
}) {
  const href = useHref();
  const [, navigate] = useLocation();
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (selectedId === null) return;
    container.current?.querySelector(`[data-claim="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: 'center' });
  }, [selectedId, claims.length]);
  return (
    <div className="document-text" ref={container}>
      {runs(text, claims).map((run) => {
        if (run.top === undefined) return <span key={run.start}>{run.text}</span>;
        const claim = run.top;
        const target = href(`/documents/${documentId}`, { claim: claim.id });
        return (
          <a
            key={run.start}
            href={target}
            data-claim={claim.id}
            className={`claim-span kind-${claim.kind.toLowerCase()}${claim.id === selectedId ? ' selected' : ''}`}
            aria-current={claim.id === selectedId ? 'true' : undefined}
            title={`${KIND_LABELS[claim.kind] ?? claim.kind}${claim.speaker === null ? '' : ` by ${claim.speaker.name}`}`}
            onClick={(event) => {
              event.preventDefault();
              navigate(target);
            }}
          >
            {run.text}
          </a>
        );
      })}
    </div>
  );
}

function Mentions({
  doc,
}: {
  doc: {
    people: { id: string; name: string }[];
    organizations: { id: string; name: string }[];
    places: { id: string; name: string }[];
    events: { id: string; title: string }[];
  };
}) {
  const href = useHref();
  const groups = [
    ['People', '/people', doc.people.map((p) => ({ id: p.id, label: p.name }))],
    ['Organizations', '/organizations', doc.organizations.map((p) => ({ id: p.id, label: p.name }))],
    ['Places', '/places', doc.places.map((p) => ({ id: p.id, label: p.name }))],
  ] as const;
  return (
    <section aria-label="Mentioned">
      {groups.map(([title, path, items]) => (
        <div key={title}>
          <h2>{title}</h2>
          <ul className="inline">
            {items.map((item) => (
              <li key={item.id}>
                <Link href={href(`${path}/${item.id}`)}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <h2>Events</h2>
      <ul className="inline">
        {doc.events.map((e) => (
          <li key={e.id}>
            <Link href={href('/timeline', { event: e.id })}>{e.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
