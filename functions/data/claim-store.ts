/**
 * Claims lists: every filter combination is one index partition read in
 * reading order, with the other filters applied to it (pages are read until
 * full, so a filter never returns a short page), and counted exactly.
 */
import type { ClaimItem, ClaimPairItem } from './items.js';
import { itemReader } from './stored-items.js';
import { keys } from './keys.js';
import type { EntityLoader, Loaders } from './loaders.js';
import {
  entityCount,
  isStorableId,
  queryCount,
  queryPage,
  resumeKey,
  startKeyOf,
  type QueryPageInput,
  type Snapshot,
} from './table-store.js';
import type { Page, PagePosition } from '../shared/page-position.js';
import { INDEX, indexPartitionKey } from './tables.js';

export interface ClaimFilter {
  speakerId?: string;
  documentId?: string;
  eventId?: string;
  aboutId?: string;
  topicId?: string;
  kind?: ClaimItem['claimKind'];
}

type ClaimQuery = Omit<QueryPageInput, 'first' | 'after' | 'forward'> & {
  table: 'claims';
  index: string;
  partitionValue: string;
};

/** Builds key conditions and filters with named placeholders. */
class Conditions {
  constructor(private readonly version: number) {}

  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  readonly filters: string[] = [];

  key(attr: string, value: string): string {
    this.names[`#${attr}`] = attr;
    this.values[`:${attr}`] = value;
    return `#${attr} = :${attr}`;
  }

  equals(attr: string, value: string | undefined): void {
    if (value !== undefined) this.filters.push(this.key(attr, value));
  }

  contains(attr: string, value: string | undefined, placeholder: string): void {
    if (value === undefined) return;
    this.names[`#${attr}`] = attr;
    this.values[`:${placeholder}`] = value;
    this.filters.push(`contains(#${attr}, :${placeholder})`);
  }

  /** A query of an index partition, given its logical value: the version's copy of it is read. */
  query(index: string, logicalPartition: string): ClaimQuery {
    const partitionValue = keys.partitionAt(this.version, logicalPartition);
    const keyCondition = this.key(indexPartitionKey('claims', index), partitionValue);
    return {
      table: 'claims',
      index,
      partitionValue,
      keyCondition,
      filter: this.filters.length > 0 ? this.filters.join(' AND ') : undefined,
      names: this.names,
      values: this.values,
    };
  }
}

/**
 * Picks the partition for a filter: the document's claims, the speaker's, the
 * claims about a subject (events included), those addressing a topic, or all claims; the other filters
 * apply to the partition's items. Relationship items repeat the claim's
 * document, speaker, kind and subjects under names of their own.
 */
export function claimQuery(version: number, filter: ClaimFilter): ClaimQuery {
  const c = new Conditions(version);
  if (filter.documentId !== undefined) {
    c.equals('speakerId', filter.speakerId);
    c.equals('claimKind', filter.kind);
    c.contains('eventIds', filter.eventId, 'eventId');
    c.contains('aboutIds', filter.aboutId, 'aboutId');
    c.contains('topicIds', filter.topicId, 'topicId');
    return c.query(INDEX.claimsByDocument, filter.documentId);
  }
  if (filter.speakerId !== undefined) {
    c.equals('claimKind', filter.kind);
    c.contains('eventIds', filter.eventId, 'eventId');
    c.contains('aboutIds', filter.aboutId, 'aboutId');
    c.contains('topicIds', filter.topicId, 'topicId');
    return c.query(INDEX.claimsBySpeaker, filter.speakerId);
  }
  const subject = filter.aboutId ?? filter.eventId;
  if (subject !== undefined) {
    c.equals('refClaimKind', filter.kind);
    // Both given: the subject partition, and the event among the claim's subjects.
    if (filter.aboutId !== undefined) c.contains('refAboutIds', filter.eventId, 'eventId');
    c.contains('refTopicIds', filter.topicId, 'topicId');
    return c.query(INDEX.claimsByRef, keys.aboutPartition(subject));
  }
  if (filter.topicId !== undefined) {
    c.equals('refClaimKind', filter.kind);
    return c.query(INDEX.claimsByRef, keys.topicPartition(filter.topicId));
  }
  c.equals('claimKind', filter.kind);
  return c.query(INDEX.claimsByOrder, 'CLAIM');
}

/** An id no item can have (empty, or too long for a key) matches nothing; DynamoDB would refuse it as a key. */
const matchesNothing = (filter: ClaimFilter) =>
  [filter.speakerId, filter.documentId, filter.eventId, filter.aboutId, filter.topicId].some(
    (id) => id !== undefined && !isStorableId(id),
  );

const isUnfiltered = (filter: ClaimFilter) => Object.values(filter).every((v) => v === undefined);

/**
 * One page of claims in reading order. Subject partitions hold relationship
 * items that name the claim: those claims are read through the request's
 * loader, so they batch with the rest of the query level.
 */
export async function listClaims(
  snap: Snapshot,
  loader: EntityLoader<ClaimItem>,
  filter: ClaimFilter,
  first: number,
  after: PagePosition | undefined,
): Promise<Page<ClaimItem>> {
  const query = claimQuery(snap.version, filter);
  const start = startKeyOf(after, query);
  if (matchesNothing(filter)) return { items: [], hasNextPage: false };
  const [page, readAbout, readClaim] = await Promise.all([
    queryPage(snap.ds, { ...query, forward: true, first, after: start }),
    itemReader(snap, 'claimAbout'),
    itemReader(snap, 'claim'),
  ]);
  const refs = page.items.map((raw) => {
    const key = resumeKey('claims', query.index, raw);
    if (query.index === INDEX.claimsByRef) return { claimId: readAbout(raw).claimId, resumeKey: key };
    const claim = readClaim(raw);
    loader.prime(claim.id, claim);
    return { claimId: claim.id, resumeKey: key };
  });
  const claims = await loader.loadMany(refs.map((r) => r.claimId));
  const items: Page<ClaimItem>['items'] = [];
  claims.forEach((node, i) => {
    const ref = refs[i];
    if (node !== null && ref !== undefined) items.push({ node, position: { key: ref.resumeKey } });
  });
  return { items, hasNextPage: page.hasNextPage };
}

/**
 * Exact count of a filter: the refresh's count for all claims, the length of
 * the id list a parent item already holds for a single id filter (read through
 * the loaders, so it batches), else a COUNT query of the partition.
 */
export async function countClaims(snap: Snapshot, loaders: Loaders, filter: ClaimFilter): Promise<number> {
  if (matchesNothing(filter)) return 0;
  if (isUnfiltered(filter)) return entityCount(snap, 'claims');
  const counted = await parentCount(loaders, filter);
  if (counted !== undefined) return counted;
  return queryCount(snap.ds, claimQuery(snap.version, filter));
}

/**
 * The count a parent item keeps for a filter of one id, when that is the whole
 * filter: a topic's `claimCount` (items before format 9 list the claims), the
 * length of the other parents' id lists.
 */
async function parentCount(loaders: Loaders, filter: ClaimFilter): Promise<number | undefined> {
  if (Object.values(filter).filter((v) => v !== undefined).length !== 1) return undefined;
  const { documentId, speakerId, eventId, aboutId, topicId } = filter;
  if (topicId !== undefined) {
    const topic = await loaders.topic.load(topicId);
    return topic === null ? 0 : (topic.claimCount ?? topic.claimIds?.length);
  }
  if (documentId !== undefined) return ((await loaders.document.load(documentId))?.claimIds ?? []).length;
  if (speakerId !== undefined) return ((await loaders.person.load(speakerId))?.claimIds ?? []).length;
  if (eventId !== undefined) return ((await loaders.event.load(eventId))?.claimIds ?? []).length;
  if (aboutId !== undefined) {
    const [s, e] = await Promise.all([loaders.subject.load(aboutId), loaders.event.load(aboutId)]);
    return (s?.claimsAboutIds ?? e?.claimIds ?? []).length;
  }
  return undefined;
}

// ---------------------------------------------------------------- related pairs

export interface ClaimPairFilter {
  kind?: ClaimPairItem['pairKind'];
  subjectId?: string;
}

function pairQuery(version: number, filter: ClaimPairFilter): ClaimQuery {
  const c = new Conditions(version);
  c.equals('pairKind', filter.kind);
  return c.query(INDEX.claimsByRef, keys.pairPartition(filter.subjectId));
}

/** Related claim pairs, each once, in the reading order of the claim that carries the relation. */
export async function listClaimPairs(
  snap: Snapshot,
  filter: ClaimPairFilter,
  first: number,
  after: PagePosition | undefined,
): Promise<Page<ClaimPairItem>> {
  const query = pairQuery(snap.version, filter);
  const start = startKeyOf(after, query);
  if (filter.subjectId !== undefined && !isStorableId(filter.subjectId)) return { items: [], hasNextPage: false };
  const [page, read] = await Promise.all([
    queryPage(snap.ds, { ...query, forward: true, first, after: start }),
    itemReader(snap, 'claimPair'),
  ]);
  return {
    items: page.items.map((raw) => ({ node: read(raw), position: { key: resumeKey('claims', query.index, raw) } })),
    hasNextPage: page.hasNextPage,
  };
}

export async function countClaimPairs(snap: Snapshot, filter: ClaimPairFilter): Promise<number> {
  if (filter.subjectId !== undefined && !isStorableId(filter.subjectId)) return 0;
  return queryCount(snap.ds, pairQuery(snap.version, filter));
}
