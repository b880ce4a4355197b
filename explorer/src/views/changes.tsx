/** What changed: the published versions still kept, and what each one added, updated or removed. */
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { Downloads } from '../components/downloads';
import { ApiError, Loading } from '../components/status';
import type { EntityType } from '../gql/graphql';
import { ChangesQuery, VersionsQuery } from '../queries';
import { useHref, useParams, VERSION_PARAM } from '../routing';

const ENTITY_PATHS: Partial<Record<EntityType, string>> = {
  DOCUMENT: '/documents',
  PERSON: '/people',
  ORGANIZATION: '/organizations',
  PLACE: '/places',
};

export function Changes() {
  const href = useHref();
  const params = useParams();
  const [versions] = useQuery({ query: VersionsQuery });
  const data = versions.data;
  const oldest = data?.corpusVersions.nodes.at(-1)?.number;
  const sinceParam = Number(params.get('since'));
  const since =
    Number.isInteger(sinceParam) && params.get('since') !== null
      ? sinceParam
      : oldest === undefined
        ? undefined
        : oldest - 1;
  return (
    <>
      <h1>What changed</h1>
      {versions.error === undefined ? null : <ApiError error={versions.error} />}
      {versions.fetching ? <Loading what="the versions" /> : null}
      {data === undefined ? null : (
        <section className="list" aria-label="Published versions">
          <header className="list-header">
            <h2>
              Published versions <span className="count">({data.corpusVersions.totalCount})</span>
            </h2>
            <Downloads
              name="versions"
              rows={data.corpusVersions.nodes.map((v) => ({
                number: v.number,
                publishedAt: v.publishedAt,
                contentHash: v.contentHash,
                documents: v.documents,
                people: v.people,
                organizations: v.organizations,
                places: v.places,
                events: v.events,
                claims: v.claims,
              }))}
            />
          </header>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">Published versions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Published</th>
                  <th scope="col">Documents</th>
                  <th scope="col">People</th>
                  <th scope="col">Organizations</th>
                  <th scope="col">Places</th>
                  <th scope="col">Events</th>
                  <th scope="col">Claims</th>
                  <th scope="col">Links</th>
                </tr>
              </thead>
              <tbody>
                {data.corpusVersions.nodes.map((v) => (
                  <tr key={v.number}>
                    <th scope="row">
                      {v.number}
                      {v.number === data.corpusVersion.number ? ' (current)' : ''}
                    </th>
                    <td>{v.publishedAt.replace('T', ' ').slice(0, 16)}</td>
                    <td>{v.documents}</td>
                    <td>{v.people}</td>
                    <td>{v.organizations}</td>
                    <td>{v.places}</td>
                    <td>{v.events}</td>
                    <td>{v.claims}</td>
                    <td>
                      <Link href={`/?${VERSION_PARAM}=${v.number}`}>Browse</Link>
                      {' · '}
                      <Link href={href('/changes', { since: String(v.number - 1) })}>Changes since {v.number - 1}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {since === undefined ? null : <ChangeList since={since} />}
    </>
  );
}

function ChangeList({ since }: { since: number }) {
  const href = useHref();
  const after = useParams().get('after') ?? undefined;
  const [result] = useQuery({ query: ChangesQuery, variables: { since, first: 100, after } });
  if (result.error !== undefined) return <ApiError error={result.error} />;
  if (result.fetching || result.data === undefined) return <Loading what="the changes" />;
  const changes = result.data.changes;
  return (
    <section className="list" aria-label="Changes">
      <header className="list-header">
        <h2>
          Changes since version {since} <span className="count">({changes.totalCount})</span>
        </h2>
        <Downloads
          name={`changes-since-${since}`}
          rows={changes.nodes.map((c) => ({ version: c.version, kind: c.kind, type: c.type, id: c.id }))}
        />
      </header>
      {changes.nodes.length === 0 ? <p className="empty">Nothing changed.</p> : null}
      <ul className="plain changes">
        {changes.nodes.map((c) => {
          const path = ENTITY_PATHS[c.type];
          return (
            <li key={`${c.version}:${c.type}:${c.id}`}>
              <span className="meta">v{c.version}</span>{' '}
              <span className={`badge change-${c.kind.toLowerCase()}`}>{c.kind.toLowerCase()}</span>{' '}
              {c.type.toLowerCase()}{' '}
              {path === undefined || c.kind === 'REMOVED' ? (
                <code>{c.id}</code>
              ) : (
                <Link href={href(`${path}/${c.id}`)}>{c.id}</Link>
              )}
            </li>
          );
        })}
      </ul>
      {changes.pageInfo.hasNextPage ? (
        <Link href={href('/changes', { since: String(since), after: changes.pageInfo.endCursor ?? undefined })}>
          More changes
        </Link>
      ) : null}
    </section>
  );
}
