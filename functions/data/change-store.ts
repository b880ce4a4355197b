/**
 * The change feed: the changes each version wrote beside its items (page
 * items of CHANGES_PER_PAGE entries in the version's changes partition), read
 * as one list over the versions a client follows.
 */
import type { DataSources } from './client.js';
import { keys } from './keys.js';
import { queryPage } from './table-store.js';
import { TABLES } from './tables.js';
import { CHANGES_PER_PAGE, type ChangeEntry, type ChangeModel, type VersionRecord } from './version-store.js';
import { offsetOf, type Page, type PagePosition } from '../shared/page-position.js';

let loading: Promise<typeof import('./version-schemas.js')> | undefined;
/** The schemas, imported once, with the first page read. */
const versionSchemas = () => (loading ??= import('./version-schemas.js'));

/** How many changes a version made (the entries of its change pages). */
export const changeCount = (v: VersionRecord) => v.added + v.updated + v.removed;

/** A stored change entry (compact in its page item) as the API's Change. */
const changeOf = (entry: ChangeEntry, version: number): ChangeModel => ({
  kind: entry.c,
  type: entry.t,
  id: entry.id,
  version,
});

/**
 * A page of the change feed of `versions` (oldest first), from `after`: an
 * offset into their changes, one after another. Every version the page can
 * reach is read in parallel (a few page items from each), so the page costs
 * one round trip however many versions it spans.
 */
export async function listChanges(
  ds: DataSources,
  versions: readonly VersionRecord[],
  first: number,
  after: PagePosition | undefined,
): Promise<Page<ChangeModel>> {
  // Where each version's changes start in the feed.
  const starts: number[] = [];
  let length = 0;
  for (const v of versions) {
    starts.push(length);
    length += changeCount(v);
  }
  const offset = offsetOf(after, length);
  const { changePageSchema } = await versionSchemas();
  const reads = await Promise.all(
    versions.map(async (v, i) => {
      const start = starts[i] ?? 0;
      const within = Math.max(0, offset - start);
      if (first === 0 || within >= changeCount(v) || start >= offset + first) return [];
      const startPage = Math.floor(within / CHANGES_PER_PAGE);
      const pages = Math.ceil((within - startPage * CHANGES_PER_PAGE + first) / CHANGES_PER_PAGE);
      const page = await queryPage(ds, {
        table: 'documents',
        keyCondition: '#pk = :pk AND #sk >= :from',
        names: { '#pk': TABLES.documents.partitionKey, '#sk': TABLES.documents.sortKey },
        values: { ':pk': keys.changesPartition(v.number), ':from': keys.changePage(startPage).sk },
        forward: true,
        first: pages,
      });
      const entries = page.items.flatMap((raw) => changePageSchema.parse(raw).changes);
      return entries.slice(within - startPage * CHANGES_PER_PAGE).map((entry, j) => ({
        node: changeOf(entry, v.number),
        position: { offset: start + within + j + 1 },
      }));
    }),
  );
  return { items: reads.flat().slice(0, first), hasNextPage: length - offset > first };
}
