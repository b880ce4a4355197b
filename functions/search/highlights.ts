/** Highlights: where the matched terms are in the item as the client receives it. */
import type { SearchHitModel } from './search-model.js';
import { findTerms } from './text-analysis.js';

export interface HighlightModel {
  field: string;
  span: { start: number; end: number };
}

/** The text fields of each kind of result, in the order highlights are listed. */
function textFields(node: SearchHitModel['node']): [string, string | readonly string[] | null][] {
  switch (node.kind) {
    case 'DOCUMENT':
      return [['title', node.title], ['text', node.text]];
    case 'PERSON':
    case 'ORGANIZATION':
    case 'PLACE':
      return [['name', node.name], ['aliases', node.aliases], ['description', node.description]];
    case 'EVENT':
      return [['title', node.title], ['description', node.description]];
    case 'CLAIM':
      return [['text', node.text], ['quote', node.quote]];
  }
}

/**
 * Spans are computed against the loaded item, not the index, so they always
 * index the string the client gets, even if the item changed after the index
 * was built (a term no longer there is simply not highlighted).
 */
export function highlightsOf(hit: SearchHitModel): HighlightModel[] {
  const highlights: HighlightModel[] = [];
  for (const [field, value] of textFields(hit.node)) {
    const terms = hit.match.terms[field];
    if (terms === undefined || value === null) continue;
    const wanted = new Set(terms);
    if (typeof value === 'string') {
      for (const span of findTerms(value, wanted)) highlights.push({ field, span });
    } else {
      value.forEach((entry, i) => {
        for (const span of findTerms(entry, wanted)) highlights.push({ field: `${field}[${i}]`, span });
      });
    }
  }
  return highlights;
}
