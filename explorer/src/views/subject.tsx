/**
 * Person, organization and place pages: claims made, claims about, events and
 * documents. In the contract only people speak, so organizations and places
 * have claims about them only.
 */
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { ClaimList, shownOf } from '../components/claim-list';
import { Downloads } from '../components/downloads';
import { ApiError, Loading, NotFound } from '../components/status';
import type { ExplorerClaimRowFragment } from '../gql/graphql';
import { OrganizationQuery, PersonQuery, PlaceQuery } from '../queries';
import { useHref } from '../routing';

const FIRST = 100;

interface EventRow {
  id: string;
  title: string;
  date: { value: string };
}
interface DocumentRow {
  id: string;
  title: string;
  publishedOn: { value: string } | null;
}

/** Events come with the place itself; a person's or an organization's are those its claims are about. */
function eventsOfClaims(claims: readonly ExplorerClaimRowFragment[]): EventRow[] {
  const byId = new Map<string, EventRow>();
  for (const claim of claims) for (const event of claim.events) byId.set(event.id, event);
  return [...byId.values()].sort((a, b) => a.date.value.localeCompare(b.date.value));
}

function Header({
  kind,
  name,
  aliases,
  description,
}: {
  kind: string;
  name: string;
  aliases: string[];
  description: string | null;
}) {
  return (
    <header>
      <p className="result-type">{kind}</p>
      <h1>{name}</h1>
      {aliases.length > 0 ? <p className="meta">Also: {aliases.join(', ')}</p> : null}
      {description === null ? null : <p className="lede">{description}</p>}
    </header>
  );
}

function Events({ events, total, name }: { events: EventRow[]; total: number; name: string }) {
  const href = useHref();
  return (
    <section className="list" aria-label="Events">
      <header className="list-header">
        <h2>
          Events <span className="count">({shownOf(events.length, total)})</span>
        </h2>
        <Downloads
          name={`events-${name}`}
          rows={events.map((e) => ({ id: e.id, date: e.date.value, title: e.title }))}
        />
      </header>
      {events.length === 0 ? <p className="empty">None.</p> : null}
      <ul className="plain">
        {events.map((e) => (
          <li key={e.id}>
            <time>{e.date.value}</time> <Link href={href('/timeline', { event: e.id })}>{e.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Documents({
  title,
  documents,
  total,
  name,
}: {
  title: string;
  documents: DocumentRow[];
  total: number;
  name: string;
}) {
  const href = useHref();
  return (
    <section className="list" aria-label={title}>
      <header className="list-header">
        <h2>
          {title} <span className="count">({shownOf(documents.length, total)})</span>
        </h2>
        <Downloads
          name={name}
          rows={documents.map((d) => ({ id: d.id, title: d.title, publishedOn: d.publishedOn?.value }))}
        />
      </header>
      {documents.length === 0 ? <p className="empty">None.</p> : null}
      <ul className="plain">
        {documents.map((d) => (
          <li key={d.id}>
            <Link href={href(`/documents/${d.id}`)}>{d.title}</Link>{' '}
            {d.publishedOn === null ? null : <span className="meta">{d.publishedOn.value}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PersonPage({ id }: { id: string }) {
  const [result] = useQuery({ query: PersonQuery, variables: { id, first: FIRST } });
  if (result.error !== undefined) return <ApiError error={result.error} />;
  if (result.fetching || result.data === undefined) return <Loading what="the person" />;
  const person = result.data.person;
  if (person === null) return <NotFound what={`No person has the id “${id}”.`} />;
  const events = eventsOfClaims([...person.claims.nodes, ...person.claimsAbout.nodes]);
  return (
    <article className="subject">
      <Header kind="Person" name={person.name} aliases={person.aliases} description={person.description} />
      <div className="columns">
        <ClaimList
          title="Claims made"
          claims={person.claims.nodes}
          total={person.claims.totalCount}
          name={`claims-by-${id}`}
        />
        <ClaimList
          title="Claims about"
          claims={person.claimsAbout.nodes}
          total={person.claimsAbout.totalCount}
          name={`claims-about-${id}`}
        />
        <Events events={events} total={events.length} name={id} />
        <Documents
          title="Documents written"
          documents={person.authored}
          total={person.authored.length}
          name={`authored-${id}`}
        />
        <Documents
          title="Documents mentioning"
          documents={person.mentionedIn.nodes}
          total={person.mentionedIn.totalCount}
          name={`documents-${id}`}
        />
      </div>
    </article>
  );
}

export function OrganizationPage({ id }: { id: string }) {
  const [result] = useQuery({ query: OrganizationQuery, variables: { id, first: FIRST } });
  if (result.error !== undefined) return <ApiError error={result.error} />;
  if (result.fetching || result.data === undefined) return <Loading what="the organization" />;
  const org = result.data.organization;
  if (org === null) return <NotFound what={`No organization has the id “${id}”.`} />;
  const events = eventsOfClaims(org.claims.nodes);
  return (
    <article className="subject">
      <Header
        kind={`Organization · ${org.kind.toLowerCase().replace(/_/g, ' ')}`}
        name={org.name}
        aliases={org.aliases}
        description={org.description}
      />
      <div className="columns">
        <ClaimList
          title="Claims about"
          claims={org.claims.nodes}
          total={org.claims.totalCount}
          name={`claims-about-${id}`}
        />
        <Events events={events} total={events.length} name={id} />
        <Documents
          title="Documents mentioning"
          documents={org.mentionedIn.nodes}
          total={org.mentionedIn.totalCount}
          name={`documents-${id}`}
        />
      </div>
    </article>
  );
}

export function PlacePage({ id }: { id: string }) {
  const [result] = useQuery({ query: PlaceQuery, variables: { id, first: FIRST } });
  if (result.error !== undefined) return <ApiError error={result.error} />;
  if (result.fetching || result.data === undefined) return <Loading what="the place" />;
  const place = result.data.place;
  if (place === null) return <NotFound what={`No place has the id “${id}”.`} />;
  return (
    <article className="subject">
      <Header kind="Place" name={place.name} aliases={place.aliases} description={place.description} />
      <div className="columns">
        <ClaimList
          title="Claims about"
          claims={place.claims.nodes}
          total={place.claims.totalCount}
          name={`claims-about-${id}`}
        />
        <Events events={place.events.nodes} total={place.events.totalCount} name={id} />
        <Documents
          title="Documents mentioning"
          documents={place.mentionedIn.nodes}
          total={place.mentionedIn.totalCount}
          name={`documents-${id}`}
        />
      </div>
    </article>
  );
}
