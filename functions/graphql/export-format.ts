/**
 * The two export formats of claims: CSV (cells a spreadsheet would run as a
 * formula are escaped) and W3C Web Annotation JSON-LD (an AnnotationCollection
 * whose page holds one Annotation per claim, targeting its exact words by a
 * TextQuoteSelector and a TextPositionSelector). Pure functions over rows the
 * export route has read.
 */
import type { ClaimItem, StoredDocumentItem } from '../data/items.js';

/** One claim with what its citation needs, as the export route read it. */
export interface ExportRow {
  claim: ClaimItem;
  document: StoredDocumentItem;
  speaker: string | null;
  citation: string;
  sourceLink: string | null;
}

/** The Web Annotation context: the W3C's URL, as the model requires; a consumer resolves it from its own copy. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Who made the annotations: the knowledge base's editors, not the speakers of the claims. */
export const ANNOTATION_CREATOR = { type: 'Organization', name: 'Allied-interaction knowledge base editors' } as const;

export const CSV_COLUMNS = [
  'id',
  'kind',
  'text',
  'quote',
  'speaker',
  'documentId',
  'documentTitle',
  'publisher',
  'statedOn',
  'start',
  'end',
  'topics',
  'provision',
  'sourceLink',
  'citation',
] as const;

/**
 * A cell as a spreadsheet must read it: text a spreadsheet would evaluate
 * (beginning with =, +, -, @, or a tab or carriage return before one) gets a
 * leading apostrophe; quotes, separators and line breaks are quoted (RFC 4180).
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvOf(rows: readonly ExportRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const { claim, document } = row;
    const cells = [
      claim.id,
      claim.claimKind,
      claim.text,
      claim.quote,
      row.speaker,
      document.id,
      document.title,
      document.publisher,
      claim.statedOn,
      claim.anchor.codePointStart,
      claim.anchor.codePointEnd,
      (claim.topicIds ?? []).join(' '),
      claim.provision ?? null,
      row.sourceLink,
      row.citation,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The IRI a document is annotated as: its URL where it has one, else a URN of its id. */
const documentIri = (doc: StoredDocumentItem) => doc.url ?? `urn:allied-interaction:document:${doc.id}`;

function annotationOf(row: ExportRow, base: string) {
  const { claim, document } = row;
  return {
    id: `${base}#${claim.id}`,
    type: 'Annotation',
    motivation: 'describing',
    creator: ANNOTATION_CREATOR,
    body: [
      { type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: claim.text },
      ...(claim.topicIds ?? []).map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: t })),
    ],
    target: {
      source: documentIri(document),
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: claim.quote,
          prefix: claim.anchor.prefix,
          suffix: claim.anchor.suffix,
        },
        // Positions count Unicode code points of the document's text, as the model defines them.
        { type: 'TextPositionSelector', start: claim.anchor.codePointStart, end: claim.anchor.codePointEnd },
      ],
    },
  };
}

/** One page of the collection: the collection itself with this page as `first` (and `next` when there is more). */
export function annotationCollectionOf(
  rows: readonly ExportRow[],
  page: { self: string; next: string | null; total: number },
) {
  return {
    '@context': ANNOTATION_CONTEXT,
    id: page.self,
    type: 'AnnotationCollection',
    label: 'Claims of the allied-interaction knowledge base',
    total: page.total,
    first: {
      id: page.self,
      type: 'AnnotationPage',
      ...(page.next === null ? {} : { next: page.next }),
      items: rows.map((row) => annotationOf(row, page.self.split('?')[0] ?? page.self)),
    },
  };
}
