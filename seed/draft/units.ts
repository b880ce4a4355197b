/** Paragraphs and sentences of a cleaned text, as offsets into it: every proposal points at its words. */

export interface Span {
  start: number;
  end: number;
  text: string;
}

export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const part of text.split('\n\n')) {
    out.push({ start, end: start + part.length, text: part });
    start += part.length + 2;
  }
  return out;
}

/** Abbreviations whose full stop ends no sentence. */
const ABBREVIATIONS =
  /(?:\b(?:Dr|Mr|Mrs|Ms|Prof|St|Gen|Col|Lt|No|vs|etc|e\.g|i\.e|Feb|Jan|Aug|Sept?|Oct|Nov|Dec|Jr|Sr)|\b\p{Lu}|\b(?:\p{Lu}\.){2,})$/u;
const BOUNDARY = /[.!?…]["”»’']?\s+(?=["“«‘(]?[\p{Lu}\d])/gu;

/** Sentences of a paragraph (a full stop after an initial or a title does not end one). */
export function sentences(paragraph: Span): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of paragraph.text.matchAll(BOUNDARY)) {
    const stop = m.index + m[0].trimEnd().length;
    const before = paragraph.text.slice(start, m.index);
    if (ABBREVIATIONS.test(before)) continue;
    out.push(slice(paragraph, start, stop));
    start = m.index + m[0].length;
  }
  if (start < paragraph.text.length) out.push(slice(paragraph, start, paragraph.text.length));
  return out;
}

const slice = (p: Span, start: number, end: number): Span => ({
  start: p.start + start,
  end: p.start + end,
  text: p.text.slice(start, end),
});

export function allSentences(text: string): Span[] {
  return paragraphs(text).flatMap(sentences);
}

/** The sentence that holds an offset. */
export function sentenceAt(list: readonly Span[], offset: number): Span | undefined {
  return list.find((s) => s.start <= offset && offset < s.end) ?? list.findLast((s) => s.start <= offset);
}

/** A readable id: the folded words, dashes between, at most `maxWords` of them. */
export function slugify(text: string, maxWords = 8): string {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/ı/gu, 'i')
      .replace(/ə/gu, 'a')
      .replace(/['’]/gu, '')
      .split(/[^a-z0-9]+/u)
      .filter((w) => w !== '')
      .slice(0, maxWords)
      .join('-') || 'item'
  );
}

/** An id not yet taken (adds -2, -3, …). */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
