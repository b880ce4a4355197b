/** The start: what the corpus holds and its documents, newest first. */
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { Downloads } from '../components/downloads';
import { ApiError, Loading } from '../components/status';
import { CorpusVersionQuery, DocumentsQuery } from '../queries';
import { useHref } from '../routing';

export function Home() {
  const href = useHref();
  const [version] = useQuery({ query: CorpusVersionQuery });
  const [documents] = useQuery({ query: DocumentsQuery, variables: { first: 100 } });
  const v = version.data?.corpusVersion;
  const nodes = documents.data?.documents.nodes ?? [];
  return (
    <>
      <h1>Documents</h1>
      {v === undefined ? null : (
        <p className="lede">
          Corpus version {v.number}, published {v.publishedAt.slice(0, 10)}: {v.documents} documents, {v.people} people,{' '}
          {v.organizations} organizations, {v.places} places, {v.events} events, {v.claims} claims.
        </p>
      )}
      {version.error === undefined ? null : <ApiError error={version.error} />}
      {documents.error === undefined ? null : <ApiError error={documents.error} />}
      {documents.fetching ? <Loading what="the documents" /> : null}
      <section className="list" aria-label="Documents">
        <header className="list-header">
          <h2>
            Documents <span className="count">({documents.data?.documents.totalCount ?? '…'})</span>
          </h2>
          <Downloads
            name="documents"
            rows={nodes.map((d) => ({
              id: d.id,
              title: d.title,
              publisher: d.publisher,
              publishedOn: d.publishedOn?.value,
              authors: d.authors.map((a) => a.name).join('; '),
              url: d.url,
            }))}
          />
        </header>
        <ul className="cards">
          {nodes.map((d) => (
            <li key={d.id} className="card">
              <h3>
                <Link href={href(`/documents/${d.id}`)}>{d.title}</Link>
              </h3>
              <p className="meta">
                {[d.publisher, d.publishedOn?.value, d.authors.map((a) => a.name).join(', ')]
                  .filter((x) => x !== undefined && x !== null && x !== '')
                  .join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
