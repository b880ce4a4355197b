/**
 * The citations Claim.citation and Document.citation serve, and the export
 * repeats: one plain-text style, with only what the corpus knows (an unknown
 * author, publisher or date is left out rather than guessed).
 */
import type { ClaimItem, StoredDocumentItem } from '../data/items.js';
import { notFoundInternally } from '../shared/integrity.js';
import { textFragmentDirective, textFragmentLink } from '../shared/text-fragment.js';

/** Authors. “Title.” Publisher, date. URL — each part only where known. */
export function documentCitation(doc: StoredDocumentItem, authorNames: readonly string[]): string {
  const who = authorNames.length > 0 ? `${authorNames.join(', ')}. ` : '';
  const where = [doc.publisher, doc.publishedOn ?? 'undated'].filter((p): p is string => p !== null).join(', ');
  const url = doc.url === null ? '' : ` ${doc.url}`;
  return `${who}“${doc.title}.” ${where}.${url}`;
}

/**
 * The link to a claim's exact words (a text fragment of its document's URL), when the document has a URL. The
 * refresh made the claim's directive from the document's text (item format 8); a version of an earlier format
 * has the text on its document item, and the directive is made from it here.
 */
export function claimLink(claim: ClaimItem, doc: StoredDocumentItem): string | null {
  if (doc.url === null) return null;
  if (claim.textFragment !== undefined) return textFragmentLink(doc.url, claim.textFragment);
  if (doc.text === undefined) return notFoundInternally('text fragment of claim', claim.id);
  return textFragmentLink(doc.url, textFragmentDirective(doc.text, { start: claim.start, end: claim.end }));
}

/** Speaker: “quote”. In: the document's citation; the link to the words replaces the bare URL where there is one. */
export function claimCitation(
  claim: ClaimItem,
  doc: StoredDocumentItem,
  speaker: string | null,
  authors: readonly string[],
) {
  const who = speaker ?? (authors.length > 0 ? authors.join(', ') : 'The document');
  const link = claimLink(claim, doc);
  const source = documentCitation({ ...doc, url: null }, authors);
  return `${who}: “${claim.quote}”. In: ${source}${link === null ? '' : ` ${link}`}`;
}
