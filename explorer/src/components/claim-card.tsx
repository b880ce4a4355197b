/** The selected claim: who says it, how, about whom, how it bears on other claims, and the source's words. */
import { Link } from 'wouter';
import type { ExplorerDocumentClaimsQuery } from '../gql/graphql';
import { SUBJECT_PATHS, useHref } from '../routing';
import { CopyCitation } from './copy-citation';
import { KindBadge } from './kind';

export type ReaderClaim = NonNullable<ExplorerDocumentClaimsQuery['document']>['claims']['nodes'][number];

const RELATION_LABELS: Record<string, string> = {
  SUPPORTS: 'Supports',
  CONTRADICTS: 'Contradicts',
  QUALIFIES: 'Qualifies',
  QUALIFIED_BY: 'Qualified by',
};

export function ClaimCard({ claim }: { claim: ReaderClaim }) {
  const href = useHref();
  return (
    <section className="claim-card" aria-labelledby="claim-card-title">
      <h2 id="claim-card-title">{claim.text}</h2>
      <dl>
        <dt>Kind</dt>
        <dd>
          <KindBadge kind={claim.kind} />
        </dd>
        <dt>Speaker</dt>
        <dd>
          {claim.speaker === null ? (
            'Unattributed'
          ) : (
            <Link href={href(`/people/${claim.speaker.id}`)}>{claim.speaker.name}</Link>
          )}
          {claim.statedOn === null ? null : `, ${claim.statedOn.value}`}
        </dd>
        <dt>About</dt>
        <dd>
          <ul className="inline">
            {claim.about.map((subject) => (
              <li key={`${subject.__typename}:${subject.id}`}>
                <Link
                  href={
                    subject.__typename === 'Event'
                      ? href('/timeline', { event: subject.id })
                      : href(`${SUBJECT_PATHS[subject.__typename]}/${subject.id}`)
                  }
                >
                  {'name' in subject ? subject.name : subject.title}
                </Link>
              </li>
            ))}
          </ul>
        </dd>
        <dt>Source words</dt>
        <dd>
          <blockquote>“{claim.quote}”</blockquote>
          {claim.sourceLink === null ? null : (
            <a href={claim.sourceLink} rel="noreferrer">
              Open the source at these words
            </a>
          )}
        </dd>
      </dl>
      <CopyCitation claim={claim} />
      {claim.relations.length === 0 ? null : (
        <>
          <h3>Related claims</h3>
          <ul className="plain relations">
            {claim.relations.map((relation) => (
              <li
                key={`${relation.kind}:${relation.claim.id}`}
                className={`relation relation-${relation.kind.toLowerCase()}`}
              >
                <p>
                  <strong>{RELATION_LABELS[relation.kind] ?? relation.kind}</strong>{' '}
                  <Link href={href(`/documents/${relation.claim.document.id}`, { claim: relation.claim.id })}>
                    {relation.claim.text}
                  </Link>
                </p>
                <p className="meta">
                  <KindBadge kind={relation.claim.kind} /> {relation.claim.speaker?.name ?? 'Unattributed'} in{' '}
                  {relation.claim.document.title}
                </p>
                {relation.note === null ? null : <p className="note">{relation.note}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
