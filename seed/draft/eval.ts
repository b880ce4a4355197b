/**
 * `npm run draft:eval`: leave-one-out over the corpus's articles. Each raw
 * article is drafted with the other articles as the known corpus, and the
 * draft is compared with the article's curated entries. Writes
 * seed/draft/EVAL.md and seed/draft/eval-results.json.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { format } from 'prettier';
import { readCorpus } from '../../functions/refresh/corpus-reader.js';
import { directorySource } from '../../functions/refresh/corpus-source.js';
import type { ClaimEntry, Corpus } from '../../functions/refresh/corpus-schema.js';
import { foldText } from '../../functions/shared/text-normalization.js';
import { CORPUS_DIR, RAW_DIR } from '../paths.js';
import { draftArticle } from './draft.js';
import type { Draft } from './types.js';

/** The corpus as it would be without one document: its text, claims, mentions and reported dates gone. */
export function corpusWithout(corpus: Corpus, docId: string): Corpus {
  const others = (ids: readonly string[]) => ids.filter((id) => id !== docId);
  const claims = corpus.claims.filter((c) => c.document !== docId);
  const claimIds = new Set(claims.map((c) => c.id));
  const events = corpus.events
    .filter((e) => others(e.documents).length > 0)
    .map((e) => ({
      ...e,
      documents: others(e.documents),
      reportedDates: e.reportedDates.filter((r) => r.document !== docId),
    }));
  const documents = corpus.documents.filter((d) => d.id !== docId);
  const used = new Set([
    ...documents.flatMap((d) => d.authors),
    ...claims.flatMap((c) => [...c.about, c.speaker ?? '', c.speakerOrganization ?? '']),
    ...events.flatMap((e) => [...e.participants, ...e.places]),
  ]);
  const subjects = <T extends { id: string; mentionedIn: string[] }>(list: readonly T[]) =>
    list
      .filter((s) => others(s.mentionedIn).length > 0 || used.has(s.id))
      .map((s) => ({ ...s, mentionedIn: others(s.mentionedIn) }));
  return {
    documents,
    people: subjects(corpus.people),
    organizations: subjects(corpus.organizations),
    places: subjects(corpus.places),
    events,
    claims: claims.map((c) => ({ ...c, relations: c.relations.filter((r) => claimIds.has(r.claim)) })),
    topics: corpus.topics,
  };
}

const wordSet = (text: string) =>
  new Set(
    foldText(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== ''),
  );
/** Share of the curated quote's words the drafted quote has. */
export function share(curated: string, drafted: string): number {
  const c = wordSet(curated);
  const d = wordSet(drafted);
  return c.size === 0 ? 0 : [...c].filter((w) => d.has(w)).length / c.size;
}
const MATCH = 0.6;

interface Part {
  expected: number;
  found: number;
  proposed: number;
  correct: number;
  misses: string[];
  wrong: string[];
}
const part = (): Part => ({ expected: 0, found: 0, proposed: 0, correct: 0, misses: [], wrong: [] });

interface ArticleResult {
  document: string;
  ms: number;
  directQuotes: Part;
  speakers: Part;
  knownSubjects: Part;
  newSubjects: Part;
  reportedDates: Part;
}

function evaluate(corpus: Corpus, docId: string, draft: Draft): Omit<ArticleResult, 'ms' | 'document'> {
  const curatedClaims = corpus.claims.filter((c) => c.document === docId);
  const curatedQuotes = curatedClaims.filter((c) => c.kind === 'DIRECT_QUOTE');
  const draftedQuotes = draft.claims.filter((c) => c.kind === 'DIRECT_QUOTE');
  const directQuotes = part();
  const speakers = part();
  for (const c of curatedQuotes) {
    directQuotes.expected++;
    const best = draftedQuotes.map((d) => ({ d, s: share(c.quote, d.quote) })).sort((a, b) => b.s - a.s)[0];
    if (best === undefined || best.s < MATCH) {
      directQuotes.misses.push(c.quote.slice(0, 90));
      continue;
    }
    directQuotes.found++;
    speakers.expected++;
    if (sameSpeaker(c, best.d)) speakers.found++;
    else
      speakers.misses.push(
        `${c.speaker ?? c.speakerOrganization} drafted as ${best.d.speaker ?? best.d.speakerOrganization ?? 'none'}: ${c.quote.slice(0, 60)}`,
      );
  }
  for (const d of draftedQuotes) {
    directQuotes.proposed++;
    if (curatedClaims.some((c) => share(c.quote, d.quote) >= MATCH || share(d.quote, c.quote) >= MATCH))
      directQuotes.correct++;
    else directQuotes.wrong.push(d.quote.slice(0, 90));
  }
  return {
    directQuotes,
    speakers,
    ...subjectParts(corpus, docId, draft),
    reportedDates: dateParts(corpus, docId, draft),
  };
}

const sameSpeaker = (c: ClaimEntry, d: ClaimEntry) =>
  c.speaker !== null ? c.speaker === d.speaker : (c.speakerOrganization ?? null) === (d.speakerOrganization ?? null);

function subjectParts(corpus: Corpus, docId: string, draft: Draft) {
  const known = corpusWithout(corpus, docId);
  const knownIds = new Set([...known.people, ...known.organizations, ...known.places].map((s) => s.id));
  const all = [...corpus.people, ...corpus.organizations, ...corpus.places];
  const named = all.filter((s) => s.mentionedIn.includes(docId));
  const knownSubjects = part();
  const drafted = new Set(draft.knownSubjects.map((k) => k.id));
  for (const s of named.filter((s) => knownIds.has(s.id))) {
    knownSubjects.expected++;
    if (drafted.has(s.id)) knownSubjects.found++;
    else knownSubjects.misses.push(s.name);
  }
  for (const id of drafted) {
    knownSubjects.proposed++;
    if (named.some((s) => s.id === id)) knownSubjects.correct++;
    else knownSubjects.wrong.push(id);
  }
  const newSubjects = part();
  const fresh = named.filter((s) => !knownIds.has(s.id));
  // Authors named only in a byline are the document's, not subjects its text names.
  const proposals = [...draft.people, ...draft.organizations, ...draft.places].filter((p) => p.mentionedIn.length > 0);
  const sameName = (a: { name: string; aliases: string[] }, name: string) =>
    [a.name, ...a.aliases].some((n) => {
      const x = foldText(n);
      const y = foldText(name);
      return x === y || ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `);
    });
  for (const s of fresh) {
    newSubjects.expected++;
    if (proposals.some((p) => sameName(s, p.name))) newSubjects.found++;
    else newSubjects.misses.push(s.name);
  }
  for (const p of proposals) {
    newSubjects.proposed++;
    if (fresh.some((s) => sameName(s, p.name))) newSubjects.correct++;
    else newSubjects.wrong.push(p.name);
  }
  return { knownSubjects, newSubjects };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/**
 * Whether a quote states its date (rather than the date being inferred from
 * elsewhere): its words hold the year, the month and the day the date has.
 * Until the corpus marks inferred dates (`inferred: true`), this tells them apart.
 */
export function statesDate(quote: string, date: string): boolean {
  const [year, month, day] = date.split('-');
  const folded = foldText(quote);
  const monthOk = month === undefined || new RegExp(`\\b${MONTHS[Number(month) - 1]}`, 'u').test(folded);
  const dayOk = day === undefined || new RegExp(`\\b${Number(day)}\\b`, 'u').test(folded);
  const yearOk = month !== undefined || folded.includes(year ?? '');
  return monthOk && dayOk && yearOk;
}

function dateParts(corpus: Corpus, docId: string, draft: Draft): Part {
  const curated = corpus.events.flatMap((e) =>
    e.reportedDates.filter(
      (r) => r.document === docId && (r as { inferred?: boolean }).inferred !== true && statesDate(r.quote, r.date),
    ),
  );
  const candidates = [
    ...draft.events.flatMap((e) => e.reportedDates),
    ...draft.additions.flatMap((a) => a.add.reportedDates ?? []),
  ];
  const agree = (a: { date: string; quote: string }, b: { date: string; quote: string }) =>
    a.date === b.date && (share(a.quote, b.quote) >= 0.5 || share(b.quote, a.quote) >= 0.5);
  const p = part();
  for (const c of curated) {
    p.expected++;
    if (candidates.some((d) => agree(c, d))) p.found++;
    else p.misses.push(`${c.date}: ${c.quote.slice(0, 80)}`);
  }
  for (const d of candidates) {
    p.proposed++;
    if (curated.some((c) => agree(c, d))) p.correct++;
    else p.wrong.push(`${d.date}: ${d.quote.slice(0, 80)}`);
  }
  return p;
}

const GOALS = {
  directQuotes: { recall: 0.95, precision: 0.8 },
  speakers: { recall: 0.9 },
  knownSubjects: { recall: 0.95 },
  newSubjects: { recall: 0.8, precision: 0.6 },
  reportedDates: { recall: 0.9, precision: 0.6 },
} as const;

function total(results: readonly ArticleResult[], key: keyof typeof GOALS): Part {
  const t = part();
  for (const r of results) {
    const p = r[key];
    t.expected += p.expected;
    t.found += p.found;
    t.proposed += p.proposed;
    t.correct += p.correct;
    t.misses.push(...p.misses.map((m) => `${r.document}: ${m}`));
    t.wrong.push(...p.wrong.map((m) => `${r.document}: ${m}`));
  }
  return t;
}

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)} %`);

function report(results: readonly ArticleResult[]): string {
  const lines = [
    '# Drafting, measured (leave-one-out)',
    '',
    'Generated by `npm run draft:eval` (seed/draft/eval.ts): each raw article of seed/raw is drafted with the',
    'other articles of seed/data as the known corpus, and the draft is compared with its curated entries.',
    'A drafted quote matches a curated one when it holds at least 60 % of the curated quote’s words.',
    'Reported dates: the curated dates whose quote states them (its words hold the year, or the month and day, the',
    'date has; dates marked `inferred` are left out); a candidate matches with the same value and half the quote’s words.',
    'Regenerate it whenever the corpus changes.',
    '',
    '| part | recall | goal | precision | goal |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [key, goal] of Object.entries(GOALS) as [keyof typeof GOALS, { recall: number; precision?: number }][]) {
    const t = total(results, key);
    const precisionGoal = goal.precision === undefined ? '' : `≥ ${goal.precision * 100} %`;
    lines.push(
      `| ${key} | ${pct(t.found, t.expected)} (${t.found}/${t.expected}) | ≥ ${goal.recall * 100} % | ${pct(t.correct, t.proposed)} (${t.correct}/${t.proposed}) | ${precisionGoal} |`,
    );
  }
  lines.push('', '| article | drafting time |', '| --- | --- |');
  for (const r of results) lines.push(`| ${r.document} | ${r.ms.toFixed(0)} ms |`);
  for (const key of Object.keys(GOALS) as (keyof typeof GOALS)[]) {
    const t = total(results, key);
    lines.push('', `## ${key}: misses (${t.misses.length})`, '', ...t.misses.map((m) => `- ${m}`));
    lines.push(
      '',
      `## ${key}: proposals that match nothing curated (${t.wrong.length})`,
      '',
      ...t.wrong.map((m) => `- ${m}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

export async function runEval(): Promise<ArticleResult[]> {
  const { corpus } = await readCorpus(directorySource(CORPUS_DIR));
  const results: ArticleResult[] = [];
  for (const doc of corpus.documents) {
    const bytes = await readFile(`${RAW_DIR}${doc.source}`);
    const known = corpusWithout(corpus, doc.id);
    const started = performance.now();
    const draft = draftArticle({ name: doc.source, bytes }, known);
    const ms = performance.now() - started;
    // The draft's ids are its own; compare under the curated document id.
    const renamed = JSON.parse(JSON.stringify(draft).replaceAll(`"${draft.document.id}"`, `"${doc.id}"`)) as Draft;
    results.push({ document: doc.id, ms, ...evaluate(corpus, doc.id, renamed) });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await runEval();
  const here = fileURLToPath(new URL('./', import.meta.url));
  const markdown = report(results);
  // Written as the repository formats it, so regenerating leaves `npm run format:check` green.
  await writeFile(`${here}EVAL.md`, await format(markdown, { parser: 'markdown' }));
  const summary = Object.fromEntries(
    (Object.keys(GOALS) as (keyof typeof GOALS)[]).map((k) => {
      const t = total(results, k);
      return [k, { expected: t.expected, found: t.found, proposed: t.proposed, correct: t.correct }];
    }),
  );
  const json = { summary, articles: results.map((r) => ({ document: r.document, ms: Math.round(r.ms) })) };
  await writeFile(`${here}eval-results.json`, await format(JSON.stringify(json), { parser: 'json' }));
  console.log(markdown.split('\n## ')[0]);
}
