import DataLoader from 'dataloader';
import type * as z from 'zod/mini';
import {
  claimItemSchema,
  documentItemSchema,
  eventItemSchema,
  subjectItemSchema,
  type ClaimItem,
  type DocumentItem,
  type EventItem,
  type OrganizationItem,
  type PersonItem,
  type PlaceItem,
  type SubjectItem,
} from './items.js';
import { batchGetEntities, refKey, type EntityRef, type Snapshot } from './table-store.js';
import type { EntityTable } from './tables.js';

/** Reads one entity type through the request's shared loader, parsing each item once with zod. */
export class EntityLoader<T> {
  private readonly parsed = new Map<string, Promise<T | null>>();

  constructor(
    private readonly shared: DataLoader<EntityRef, Record<string, unknown> | null, string>,
    private readonly table: EntityTable,
    private readonly schema: z.ZodMiniType<T>,
  ) {}

  load(id: string): Promise<T | null> {
    let item = this.parsed.get(id);
    if (item === undefined) {
      item = this.shared.load({ table: this.table, id }).then((raw) => (raw === null ? null : this.schema.parse(raw)));
      this.parsed.set(id, item);
    }
    return item;
  }

  loadMany(ids: readonly string[]): Promise<(T | null)[]> {
    return Promise.all(ids.map((id) => this.load(id)));
  }

  /** Seeds the cache with an item already read (by a query), so it is not read again. */
  prime(id: string, item: T): void {
    if (!this.parsed.has(id)) this.parsed.set(id, Promise.resolve(item));
  }
}

/** The subjects of one kind, read through the subject loader: an id of another kind is not found. */
export class SubjectKindLoader<K extends SubjectItem['kind']> {
  constructor(
    private readonly subjects: EntityLoader<SubjectItem>,
    private readonly kind: K,
  ) {}

  async load(id: string): Promise<Extract<SubjectItem, { kind: K }> | null> {
    const item = await this.subjects.load(id);
    return item !== null && item.kind === this.kind ? (item as Extract<SubjectItem, { kind: K }>) : null;
  }

  loadMany(ids: readonly string[]): Promise<(Extract<SubjectItem, { kind: K }> | null)[]> {
    return Promise.all(ids.map((id) => this.load(id)));
  }

  prime(id: string, item: Extract<SubjectItem, { kind: K }>): void {
    this.subjects.prime(id, item);
  }
}

/**
 * Per-request loaders. They share one DataLoader, so every id of every table
 * asked for in one tick of execution becomes one BatchGetItem (chunked at 100
 * keys): a query level costs one round trip however many tables it touches.
 */
export interface Loaders {
  document: EntityLoader<DocumentItem>;
  /** Any item of the people table: a person, an organization or a place. */
  subject: EntityLoader<SubjectItem>;
  person: SubjectKindLoader<'PERSON'>;
  organization: SubjectKindLoader<'ORGANIZATION'>;
  place: SubjectKindLoader<'PLACE'>;
  event: EntityLoader<EventItem>;
  claim: EntityLoader<ClaimItem>;
}

export type { OrganizationItem, PersonItem, PlaceItem };

/** Loaders of one request: every read is of the request's version (resolved once, by `snapshot`). */
export function createLoaders(snapshot: () => Promise<Snapshot>): Loaders {
  const shared = new DataLoader<EntityRef, Record<string, unknown> | null, string>(
    async (refs) => {
      const found = await batchGetEntities(await snapshot(), refs);
      return refs.map((ref) => found.get(refKey(ref)) ?? null);
    },
    {
      // Each EntityLoader keeps the parsed items; a second cache of the raw ones would only hold memory.
      cache: false,
      // Dispatch once the microtasks of this turn have run: resolvers of one query level settle at different
      // promise depths (a union member, a field behind an await), and they all belong in one batch.
      batchScheduleFn: (dispatch) => setImmediate(dispatch),
    },
  );
  const subject = new EntityLoader<SubjectItem>(shared, 'people', subjectItemSchema);
  return {
    document: new EntityLoader(shared, 'documents', documentItemSchema),
    subject,
    person: new SubjectKindLoader(subject, 'PERSON'),
    organization: new SubjectKindLoader(subject, 'ORGANIZATION'),
    place: new SubjectKindLoader(subject, 'PLACE'),
    event: new EntityLoader(shared, 'events', eventItemSchema),
    claim: new EntityLoader(shared, 'claims', claimItemSchema),
  };
}

interface ManyLoader<T> {
  loadMany(ids: readonly string[]): Promise<(T | null)[]>;
}

/** Loads many ids, keeping order and dropping ids whose item no longer exists. */
export async function loadExisting<T>(loader: ManyLoader<T>, ids: readonly string[]): Promise<T[]> {
  return (await loader.loadMany(ids)).filter((item): item is T => item !== null);
}

/** Like loadExisting but keeps a null where an id is missing (for id-list paging). */
export function loadInOrder<T>(loader: ManyLoader<T>, ids: readonly string[]): Promise<(T | null)[]> {
  return loader.loadMany(ids);
}

/** Any entity by its GraphQL kind (what search hits name): null when it does not exist. */
export function loadByKind(
  loaders: Loaders,
  kind: 'DOCUMENT' | 'PERSON' | 'ORGANIZATION' | 'PLACE' | 'EVENT' | 'CLAIM',
  id: string,
): Promise<DocumentItem | SubjectItem | EventItem | ClaimItem | null> {
  switch (kind) {
    case 'DOCUMENT':
      return loaders.document.load(id);
    case 'PERSON':
      return loaders.person.load(id);
    case 'ORGANIZATION':
      return loaders.organization.load(id);
    case 'PLACE':
      return loaders.place.load(id);
    case 'EVENT':
      return loaders.event.load(id);
    case 'CLAIM':
      return loaders.claim.load(id);
  }
}
