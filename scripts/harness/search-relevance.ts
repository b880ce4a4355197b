/**
 * The relevance test set (test/fixtures/search-relevance.yaml): analyst
 * queries over the seed corpus with the items they expect, scored by mean
 * reciprocal rank and recall@5. The search test enforces a floor; the bench
 * reports the figures. Scored through the engine (parse, index, rank), as the
 * resolver asks it, without the GraphQL layer around it.
 *
 * `npx tsx bench/search-bench.ts --relevance` prints the scores and every query's ranks.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { buildItems, withDocumentTexts } from '../../functions/refresh/item-builder.js';
import { dayWindow } from '../../functions/shared/date-range.js';
import { parseQuery } from '../../functions/search/query-syntax.js';
import { buildSearchIndex } from '../../functions/search/search-index-build.js';
import { searchableItems } from '../../functions/search/search-index-refresh.js';
import type { SearchableItem, SearchFilters, SearchIndex, SearchKind } from '../../functions/search/search-model.js';
import { loadSearchIndex } from '../../functions/search/search-query.js';
import { seedCorpus } from './seed-corpus.js';

export const RELEVANCE_FILE = fileURLToPath(new URL('../../test/fixtures/search-relevance.yaml', import.meta.url));

/** The seed corpus's searchable items, as the refresh indexes them: what the relevance set is scored on. */
export async function seedSearchableItems(): Promise<SearchableItem[]> {
  return searchableItems(withDocumentTexts(buildItems(await seedCorpus(), new Map()).tables));
}

/** Fields that hold ids of other items: a clone's references stay inside the clone. */
const REFERENCES = [
  'documentId',
  'speakerId',
  'eventIds',
  'personIds',
  'authorIds',
  'claimIds',
  'participantIds',
  'documentIds',
  'mentionedInIds',
  'authoredIds',
  'aboutIds',
];

/** Clone 0 keeps the seed ids; clone k gets `-x<k>` on every id and every reference. */
export function cloneItems(items: readonly SearchableItem[], scale: number): SearchableItem[] {
  const out: SearchableItem[] = [];
  for (let k = 0; k < scale; k++) {
    for (const item of items) {
      if (k === 0) {
        out.push(item);
        continue;
      }
      const clone: Record<string, unknown> = { ...item, id: `${item.id}-x${k}` };
      for (const field of REFERENCES) {
        const value = clone[field];
        if (typeof value === 'string') clone[field] = `${value}-x${k}`;
        else if (Array.isArray(value)) clone[field] = value.map((id: string) => `${id}-x${k}`);
      }
      out.push(clone as unknown as SearchableItem);
    }
  }
  return out;
}

/** One query of the set: `expect` are `kind/id` (lower-case kind), every one relevant, the first the best answer. */
export interface RelevanceCase {
  query: string;
  expect: string[];
  types?: SearchKind[];
  /** A date window, as the `from`/`to` arguments of search (YYYY, YYYY-MM or YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** Which reported failure or feature the query covers. */
  covers?: string;
}

export interface RelevanceResult {
  query: string;
  /** 1-based rank of the first expected item; 0 when none is in the first 10. */
  firstRank: number;
  recallAt5: number;
  top5: string[];
}

export interface RelevanceScores {
  queries: number;
  meanReciprocalRank: number;
  recallAt5: number;
  results: RelevanceResult[];
}

export async function relevanceCases(): Promise<RelevanceCase[]> {
  return (parse(await readFile(RELEVANCE_FILE, 'utf8')) as RelevanceCase[]).map((c) => ({
    ...c,
    query: String(c.query as unknown),
  }));
}

/** The case's filters as the resolver builds them (a window's first and last day). */
function filtersOf(c: RelevanceCase): SearchFilters {
  return { kinds: new Set(c.types ?? []), ...dayWindow({ from: c.from, to: c.to }) };
}

/** The first page of 10 of one case, as `kind/id`. */
export async function relevanceHits(index: SearchIndex, c: RelevanceCase): Promise<string[]> {
  const results = await index.search(parseQuery(c.query), filtersOf(c));
  return (await results.page(0, 10)).map((m) => `${m.kind.toLowerCase()}/${m.id}`);
}

export async function scoreRelevance(index: SearchIndex, cases: readonly RelevanceCase[]): Promise<RelevanceScores> {
  const results: RelevanceResult[] = [];
  for (const c of cases) {
    const hits = await relevanceHits(index, c);
    const rank = hits.findIndex((h) => c.expect.includes(h)) + 1;
    const top5 = hits.slice(0, 5);
    results.push({
      query: c.query,
      firstRank: rank,
      recallAt5: c.expect.filter((e) => top5.includes(e)).length / c.expect.length,
      top5,
    });
  }
  const mean = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1000) / 1000;
  return {
    queries: results.length,
    meanReciprocalRank: mean(results.map((r) => (r.firstRank === 0 ? 0 : 1 / r.firstRank))),
    recallAt5: mean(results.map((r) => r.recallAt5)),
    results,
  };
}

/** The set scored on these items (the seed corpus's: seedSearchableItems in search-bench.ts). */
export async function relevanceScores(items: readonly SearchableItem[]): Promise<RelevanceScores> {
  const index = await loadSearchIndex(buildSearchIndex(items));
  return scoreRelevance(index, await relevanceCases());
}
