/** Date terms, shared by the index builder and the query parser; imports nothing, so neither depends on the other. */

/**
 * The index terms of a partial date (YYYY, YYYY-MM or YYYY-MM-DD): one per
 * precision it has (2022-02-22 → ~2022, ~2022-02, ~2022-02-22), so a query
 * for the year, the month or the day finds it. The `~` keeps them apart from
 * words (no word starts with it, so no prefix or misspelling reaches them).
 */
export function dateTerms(date: string): string[] {
  const parts = date.split('-');
  return parts.map((_, i) => `~${parts.slice(0, i + 1).join('-')}`);
}
