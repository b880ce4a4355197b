import type { DataSources } from './client.js';
import { claimEventItemSchema, claimItemSchema, type ClaimItem } from './items.js';
import { isStorableId, queryCount, queryPage, resumeKey, resumeKeyMatches, tableCount, type QueryPageInput, type StoredKey } from './table-store.js';
import { INDEX } from './tables.js';

export interface ClaimFilter {
  speakerId?: string;
  documentId?: string;
  eventId?: string;
}

/**
 * Picks the index for a filter: the document's or the speaker's claims (other
 * filters applied to that partition), else the event's relationship items,
 * else all claims. Every choice reads one partition in reading order.
 */
export function claimQuery(filter: ClaimFilter): Omit<QueryPageInput, 'first' | 'after' | 'forward'> & { index: string; partitionValue: string } {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const conditions: string[] = [];
  const addEquals = (attr: string, value: string) => {
    names[`#${attr}`] = attr;
    values[`:${attr}`] = value;
    conditions.push(`#${attr} = :${attr}`);
  };
  const addEvent = (eventId: string) => {
    names['#eventIds'] = 'eventIds';
    values[':eventId'] = eventId;
    conditions.push('contains(#eventIds, :eventId)');
  };
  let index: string;
  let keyCondition: string;
  let partitionValue: string;
  if (filter.documentId !== undefined) {
    index = INDEX.claimsByDocument;
    names['#documentId'] = 'documentId';
    values[':documentId'] = filter.documentId;
    keyCondition = '#documentId = :documentId';
    partitionValue = filter.documentId;
    if (filter.speakerId !== undefined) addEquals('speakerId', filter.speakerId);
    if (filter.eventId !== undefined) addEvent(filter.eventId);
  } else if (filter.speakerId !== undefined) {
    index = INDEX.claimsBySpeaker;
    names['#speakerId'] = 'speakerId';
    values[':speakerId'] = filter.speakerId;
    keyCondition = '#speakerId = :speakerId';
    partitionValue = filter.speakerId;
    if (filter.eventId !== undefined) addEvent(filter.eventId);
  } else if (filter.eventId !== undefined) {
    index = INDEX.claimsByRef;
    names['#ref'] = 'ref';
    values[':ref'] = `EVENT#${filter.eventId}`;
    keyCondition = '#ref = :ref';
    partitionValue = `EVENT#${filter.eventId}`;
  } else {
    index = INDEX.claimsByOrder;
    names['#kind'] = 'kind';
    values[':kind'] = 'CLAIM';
    keyCondition = '#kind = :kind';
    partitionValue = 'CLAIM';
  }
  return {
    table: 'claims',
    index,
    partitionValue,
    keyCondition,
    filter: conditions.length > 0 ? conditions.join(' AND ') : undefined,
    names,
    values,
  };
}

/** A page of claims (or of claim ids, for event filters) and the keys to resume after each. */
/** An id no item can have (empty, or too long for a key) matches nothing; DynamoDB would refuse it as a key. */
const matchesNothing = (filter: ClaimFilter) =>
  [filter.speakerId, filter.documentId, filter.eventId].some((id) => id !== undefined && !isStorableId(id));

export async function listClaimRefs(ds: DataSources, filter: ClaimFilter, first: number, after?: StoredKey) {
  if (matchesNothing(filter)) return { refs: [], hasNextPage: false };
  const query = claimQuery(filter);
  const page = await queryPage(ds, { ...query, forward: true, first, after });
  const refs = page.items.map((item) => {
    const key = resumeKey('claims', query.index, item);
    // Event filters read relationship items that name the claim; the other indexes hold whole claims.
    if (query.index === INDEX.claimsByRef) return { claimId: claimEventItemSchema.parse(item).claimId, resumeKey: key };
    const claim = claimItemSchema.parse(item);
    return { claimId: claim.id, claim, resumeKey: key };
  });
  return { refs, hasNextPage: page.hasNextPage };
}

/** Whether a decoded key can resume the query this filter reads. */
export function claimResumeKeyAccepted(filter: ClaimFilter, key: StoredKey): boolean {
  const query = claimQuery(filter);
  return resumeKeyMatches('claims', query.index, key, query.partitionValue);
}

export async function countClaims(ds: DataSources, filter: ClaimFilter): Promise<number> {
  if (matchesNothing(filter)) return 0;
  if (filter.documentId === undefined && filter.speakerId === undefined && filter.eventId === undefined) {
    return tableCount(ds, 'claims');
  }
  return queryCount(ds, claimQuery(filter));
}
