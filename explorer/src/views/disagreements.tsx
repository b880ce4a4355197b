/** Disagreements: related claim pairs side by side with the note that relates them, by subject and kind. */
import { useQuery } from 'urql';
import { Link, useLocation } from 'wouter';
import { ClaimSummary, claimRow } from '../components/claim-list';
import { Downloads } from '../components/downloads';
import { ApiError, Loading } from '../components/status';
import type { ClaimRelationKind } from '../gql/graphql';
import { DisagreementsQuery, SubjectsQuery } from '../queries';
import { useHref, useParams } from '../routing';

const KINDS: [ClaimRelationKind | '', string][] = [
  ['CONTRADICTS', 'Contradicts'],
  ['QUALIFIES', 'Qualifies'],
  ['SUPPORTS', 'Supports'],
  ['', 'Any relation'],
];
const FIRST = 25;

export function Disagreements() {
  const params = useParams();
  const href = useHref();
  const [, navigate] = useLocation();
  const kindParam = params.get('kind');
  const kind = kindParam === null ? 'CONTRADICTS' : (KINDS.find(([k]) => k === kindParam)?.[0] ?? 'CONTRADICTS');
  const subject = params.get('subject') ?? '';
  const after = params.get('after') ?? undefined;
  const [subjects] = useQuery({ query: SubjectsQuery });
  const [result] = useQuery({
    query: DisagreementsQuery,
    variables: {
      kind: kind === '' ? undefined : kind,
      subjectId: subject === '' ? undefined : subject,
      first: FIRST,
      after,
    },
  });
  const go = (changes: Record<string, string>) => {
    navigate(href('/disagreements', { kind, subject, ...changes }));
  };
  const pairs = result.data?.claimRelations.nodes ?? [];
  const groups =
    subjects.data === undefined
      ? []
      : ([
          ['People', subjects.data.people.nodes],
          ['Organizations', subjects.data.organizations.nodes],
          ['Places', subjects.data.places.nodes],
        ] as const);
  return (
    <>
      <h1>Disagreements</h1>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <label htmlFor="relation-kind">Relation</label>
        <select
          id="relation-kind"
          value={kind}
          onChange={(e) => {
            go({ kind: e.target.value });
          }}
        >
          {KINDS.map(([value, label]) => (
            <option key={label} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor="relation-subject">About</label>
        <select
          id="relation-subject"
          value={subject}
          onChange={(e) => {
            go({ subject: e.target.value });
          }}
        >
          <option value="">Any subject</option>
          {groups.map(([label, nodes]) => (
            <optgroup key={label} label={label}>
              {nodes.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </form>
      {subjects.error === undefined ? null : <ApiError error={subjects.error} />}
      {result.error === undefined ? null : <ApiError error={result.error} />}
      {result.fetching ? <Loading what="the related claims" /> : null}
      {result.data === undefined ? null : (
        <section className="list" aria-label="Related claim pairs">
          <header className="list-header">
            <h2>
              Pairs <span className="count">({result.data.claimRelations.totalCount})</span>
            </h2>
            <Downloads
              name="claim-pairs"
              rows={pairs.map((p) => {
                const a = claimRow(p.claim);
                const b = claimRow(p.other);
                return {
                  kind: p.kind,
                  note: p.note,
                  ...Object.fromEntries(Object.entries(a).map(([k, v]) => [`claim_${k}`, v])),
                  ...Object.fromEntries(Object.entries(b).map(([k, v]) => [`other_${k}`, v])),
                };
              })}
            />
          </header>
          {pairs.length === 0 ? <p className="empty">No pair matches.</p> : null}
          <ol className="plain pairs">
            {pairs.map((pair) => (
              <li key={`${pair.claim.id}|${pair.other.id}`} className="pair card">
                <p className="pair-kind">
                  <strong>{pair.kind.toLowerCase().replace('_', ' ')}</strong>
                  {pair.note === null ? null : <span className="note"> · {pair.note}</span>}
                </p>
                <div className="side-by-side">
                  <ClaimSummary claim={pair.claim} />
                  <ClaimSummary claim={pair.other} />
                </div>
              </li>
            ))}
          </ol>
          {result.data.claimRelations.pageInfo.hasNextPage ? (
            <Link
              href={href('/disagreements', {
                kind,
                subject,
                after: result.data.claimRelations.pageInfo.endCursor ?? undefined,
              })}
            >
              Next pairs
            </Link>
          ) : null}
        </section>
      )}
    </>
  );
}
