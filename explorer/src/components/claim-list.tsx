/** A list of claims with who said them, where, and a citation to copy. */
import { Link } from 'wouter';
import type { ExplorerClaimRowFragment } from '../gql/graphql';
import { useHref } from '../routing';
import type { Row } from '../lib/export';
import { CopyCitation } from './copy-citation';
import { Downloads } from './downloads';
import { KindBadge } from './kind';

export function claimRow(claim: ExplorerClaimRowFragment): Row {
  return {
    id: claim.id,
    kind: claim.kind,
    text: claim.text,
    quote: claim.quote,
    speaker: claim.speaker?.name,
    document: claim.document.title,
    documentId: claim.document.id,
    sourceLink: claim.sourceLink,
  };
}

export function ClaimSummary({ claim }: { claim: ExplorerClaimRowFragment }) {
  const href = useHref();
  return (
    <article className="claim">
      <p className="claim-quote">
        <KindBadge kind={claim.kind} /> “{claim.quote}”
      </p>
      <p className="claim-meta">
        {claim.speaker === null ? (
          <span>Unattributed</span>
        ) : (
          <Link href={href(`/people/${claim.speaker.id}`)}>{claim.speaker.name}</Link>
        )}
        {' in '}
        <Link href={href(`/documents/${claim.document.id}`, { claim: claim.id })}>{claim.document.title}</Link>
      </p>
      <CopyCitation claim={claim} />
    </article>
  );
}

export function ClaimList({
  title,
  claims,
  total,
  name,
}: {
  title: string;
  claims: readonly ExplorerClaimRowFragment[];
  total: number;
  name: string;
}) {
  return (
    <section className="list" aria-label={title}>
      <header className="list-header">
        <h2>
          {title} <span className="count">({shownOf(claims.length, total)})</span>
        </h2>
        <Downloads rows={claims.map(claimRow)} name={name} />
      </header>
      {claims.length === 0 ? <p className="empty">None.</p> : null}
      <ul className="plain">
        {claims.map((claim) => (
          <li key={claim.id}>
            <ClaimSummary claim={claim} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function shownOf(shown: number, total: number): string {
  return shown === total ? String(total) : `first ${shown} of ${total}`;
}
