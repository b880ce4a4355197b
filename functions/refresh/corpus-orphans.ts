/**
 * Orphans are a choice. A claim the tables hold whose quote is no longer in
 * its document's text would be published ORPHANED (kept with its last span,
 * flagged): right when the text really changed under it, wrong when an editor
 * mistyped a quote. A refresh therefore refuses to orphan a claim unless told
 * `allowOrphans`; claims already orphaned by an allowed run stay so without it.
 */
import type { CorpusIssue } from './corpus-issues.js';
import type { Corpus } from './corpus-schema.js';

export { OrphansRefusedError } from '../shared/errors.js';

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
