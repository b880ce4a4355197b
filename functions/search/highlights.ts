/** Highlights: where the search's terms and phrases are in the item as the client receives it. */
import type { HighlightTerms, SearchableItem, SearchMatch } from './search-model.js';
import { analyze, type TextToken } from './text-analysis.js';

export interface HighlightModel {
  field: string;
  span: { start: number; end: number };
}

/** The text fields of each kind of result, in the order highlights are listed. */
function textFields(node: SearchableItem): [string, string | readonly string[] | null][] {
  switch (node.kind) {
    case 'DOCUMENT':
      return [
        ['title', node.title],
        ['text', node.text],
      ];
    case 'PERSON':
    case 'ORGANIZATION':
    case 'PLACE':
      return [
        ['name', node.name],
        ['aliases', node.aliases],
        ['description', node.description],
      ];
    case 'EVENT':
      return [
        ['title', node.title],
        ['aliases', node.aliases],
        ['description', node.description],
      ];
    case 'CLAIM':
      return [
        ['text', node.text],
        ['quote', node.quote],
      ];
  }
}

/**
 * The spans of one text: each phrase occurrence as one span from its first
 * word to its last, then every word (or part of a hyphenated word) one of the
 * terms matches, outside those phrases. A word matched through its closed
 * compound form is marked whole (cease-fire), a part alone only as that part.
 */
export function highlightSpans(text: string, wanted: HighlightTerms): { start: number; end: number }[] {
  const { tokens } = analyze(text);
  const spans: { start: number; end: number }[] = [];
  if (wanted.phrases.length > 0) {
    const at = new Map<number, TextToken[]>();
    for (const token of tokens) at.set(token.position, [...(at.get(token.position) ?? []), token]);
    for (const phrase of wanted.phrases) {
      for (const [position, first] of at) {
        const chain: TextToken[] = [];
        for (let i = 0; i < phrase.length; i++) {
          const token = (i === 0 ? first : at.get(position + i))?.find((t) => phrase[i]!.includes(t.term));
          if (token === undefined) break;
          chain.push(token);
        }
        if (chain.length === phrase.length) spans.push({ start: chain[0]!.start, end: chain.at(-1)!.end });
      }
    }
  }
  const inPhrase = (start: number, end: number) => spans.some((s) => start >= s.start && end <= s.end);
  const words: { start: number; end: number }[] = [];
  for (const token of tokens) {
    if (!wanted.terms.has(token.term) || inPhrase(token.start, token.end)) continue;
    // A whole compound wins over its parts; the same span is marked once.
    const i = words.findIndex((w) => w.start <= token.start && w.end >= token.end);
    if (i !== -1) continue;
    for (let j = words.length - 1; j >= 0; j--)
      if (token.start <= words[j]!.start && token.end >= words[j]!.end) words.splice(j, 1);
    words.push({ start: token.start, end: token.end });
  }
  return [...spans, ...words]
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((s, i, all) => i === 0 || s.start !== all[i - 1]!.start || s.end !== all[i - 1]!.end);
}

/**
 * Spans are computed against the loaded item, not the index, so they always
 * index the string the client gets, even if the item changed after the index
 * was built (a term no longer there is simply not highlighted).
 */
export function highlightsOf(hit: { match: Pick<SearchMatch, 'highlight'>; node: SearchableItem }): HighlightModel[] {
  const highlights: HighlightModel[] = [];
  for (const [field, value] of textFields(hit.node)) {
    if (value === null) continue;
    if (typeof value === 'string') {
      for (const span of highlightSpans(value, hit.match.highlight)) highlights.push({ field, span });
    } else {
      value.forEach((entry, i) => {
        for (const span of highlightSpans(entry, hit.match.highlight))
          highlights.push({ field: `${field}[${i}]`, span });
      });
    }
  }
  return highlights;
}
