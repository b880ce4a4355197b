/**
 * What a refresh refuses to publish without being told to: a corpus that
 * would remove more than a set share of any table, or leave one empty (a
 * corpus of files holding `[]` is valid YAML and valid corpus, and would
 * otherwise replace everything with nothing).
 */
import type { EntityTable } from '../data/tables.js';

/** The share of a table's entities a refresh may remove without `allowShrink`. */
export const DEFAULT_MAX_SHRINK = 0.2;

export interface TableShrink {
  table: EntityTable;
  before: number;
  after: number;
  removed: number;
}

const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;

/** The refusals a change of table sizes calls for (none when it is fine). */
export function shrinkProblems(tables: readonly TableShrink[], maxShrink: number): string[] {
  const problems: string[] = [];
  for (const t of tables) {
    if (t.after === 0) problems.push(`it would leave the ${t.table} table empty (${t.before} entities now)`);
    else if (t.before > 0 && t.removed / t.before > maxShrink) {
      problems.push(
        `it would remove ${t.removed} of ${t.before} entities of the ${t.table} table (${percent(t.removed / t.before)}, more than the ${percent(maxShrink)} allowed)`,
      );
    }
  }
  return problems;
}
