/** A claim as a citation a reader can paste: the source's words, who said them, where. */

export interface CitableClaim {
  quote: string;
  kind: string;
  sourceLink?: string | null;
  speaker?: { name: string } | null;
  document: {
    title: string;
    publisher?: string | null;
    url?: string | null;
    publishedOn?: { value: string } | null;
  };
}

export function citation(claim: CitableClaim): string {
  const who = claim.speaker === null || claim.speaker === undefined ? '' : `${claim.speaker.name}, `;
  const where = [claim.document.publisher, claim.document.publishedOn?.value].filter(Boolean).join(', ');
  const link = claim.sourceLink ?? claim.document.url;
  return `“${claim.quote}” (${who}quoted in “${claim.document.title}”${where === '' ? '' : `, ${where}`})${link === null || link === undefined ? '' : ` ${link}`}`;
}
