/**
 * Orphans are a choice. A claim the tables hold whose quote is no longer in
 * its document's text would be published ORPHANED (kept with its last span,
 * flagged): right when the text really changed under it, wrong when an editor
 * mistyped a quote. A refresh therefore refuses to orphan a claim unless told
 * `allowOrphans`; claims already orphaned by an allowed run stay so without it.
 */
import { InvalidCorpusError } from './corpus-reader.js';
import type { CorpusIssue } from './corpus-issues.js';
import type { Corpus } from './corpus-schema.js';

export const ORPHANS_HINT =
  'Fix each quote; or, if the text really changed under these claims, run again with allowOrphans ' +
  '(the event field `allowOrphans: true`, or `npm run seed -- --allow-orphans`)';

/** Refused: the run would newly orphan these claims. Nothing was written. */
export class OrphansRefusedError extends InvalidCorpusError {
  constructor(issues: CorpusIssue[]) {
    super(issues);
    this.name = 'OrphansRefusedError';
    this.message = `Refresh refused, nothing written: ${issues.length} claim${issues.length === 1 ? '' : 's'} would be published ORPHANED. ${ORPHANS_HINT}.\n${this.message}`;
  }
}

/** The claims a run would orphan that were not orphaned before, one problem each (file, path, whole quote). */
export function newOrphans(
  corpus: Corpus,
  orphaned: readonly string[],
  previousStatus: (id: string) => string | undefined,
): CorpusIssue[] {
  const fresh = new Set(orphaned.filter((id) => previousStatus(id) !== 'ORPHANED'));
  const issues: CorpusIssue[] = [];
  corpus.claims.forEach((c, i) => {
    if (!fresh.has(c.id)) return;
    issues.push({
      file: 'claims.yaml',
      path: `[${i}].quote`,
      entry: c.id,
      message: `quote "${c.quote}" is no longer in the text of "${c.document}": the claim would be published ORPHANED (allowOrphans to accept)`,
    });
  });
  return issues;
}
