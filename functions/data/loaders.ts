import DataLoader from 'dataloader';
import type {
  ClaimItem,
  DocumentTextItem,
  EventItem,
  OrganizationItem,
  PersonItem,
  PlaceItem,
  StoredDocumentItem,
  SubjectItem,
  TopicItem,
} from './items.js';
import { notFoundInternally } from '../shared/integrity.js';
import { isCheckedVersion, itemSchemas } from './stored-items.js';
import { batchGetEntities, refKey, type EntityRef, type Snapshot } from './table-store.js';
import type { EntityTable } from './tables.js';

/** Reads one entity type through the request's shared loader, which yields each item once, checked (see createLoaders). */
export class EntityLoader<T> {
  private readonly items = new Map<string, Promise<T | null>>();

  constructor(
    private readonly shared: DataLoader<EntityRef, unknown, string>,
    private readonly table: EntityTable,
  ) {}

  load(id: string): Promise<T | null> {
    let item = this.items.get(id);
    if (item === undefined) {
      item = this.shared.load({ table: this.table, id }) as Promise<T | null>;
      this.items.set(id, item);
    }
    return item;
  }

  loadMany(ids: readonly string[]): Promise<(T | null)[]> {
    return Promise.all(ids.map((id) => this.load(id)));
  }

  /** Seeds the cache with an item already read (by a query), so it is not read again. */
  prime(id: string, item: T): void {
    if (!this.items.has(id)) this.items.set(id, Promise.resolve(item));
  }
}

/**
 * Documents' texts, each an item of its own beside the document's (item format 8), read through the shared
 * loader: the texts a query level asks for are one batch with the level's other reads. A document of an earlier
 * format carries its text, which is used as it is.
 */
export class DocumentTextLoader {
  private readonly texts = new Map<string, Promise<string>>();

  constructor(private readonly shared: DataLoader<EntityRef, unknown, string>) {}

  load(doc: StoredDocumentItem): Promise<string> {
    if (doc.text !== undefined) return Promise.resolve(doc.text);
    let text = this.texts.get(doc.id);
    if (text === undefined) {
      text = (
        this.shared.load({ table: 'documents', id: doc.id, part: 'text' }) as Promise<DocumentTextItem | null>
      ).then((item) => item?.text ?? notFoundInternally('document text', doc.id));
      this.texts.set(doc.id, text);
    }
    return text;
  }
}

/** The subjects of one kind, read through the subject loader: an id of another kind is not found. */
export class SubjectKindLoader<K extends SubjectItem['kind']> {
  constructor(
    private readonly subjects: KindsLoader<SubjectItem>,
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

/** The people table's items of some kinds: an id of another kind (a topic asked as a subject) is not found. */
export class KindsLoader<T extends { kind: string }> {
  constructor(
    private readonly table: EntityLoader<{ kind: string }>,
    private readonly kinds: readonly T['kind'][],
  ) {}

  async load(id: string): Promise<T | null> {
    const item = await this.table.load(id);
    return item !== null && this.kinds.includes(item.kind) ? (item as T) : null;
  }

  loadMany(ids: readonly string[]): Promise<(T | null)[]> {
    return Promise.all(ids.map((id) => this.load(id)));
  }

  prime(id: string, item: T): void {
    this.table.prime(id, item);
  }
}

/**
 * Per-request loaders. They share one DataLoader, so every id of every table
 * asked for in one tick of execution becomes one BatchGetItem (chunked at 100
 * keys): a query level costs one round trip however many tables it touches.
 */
export interface Loaders {
  document: EntityLoader<StoredDocumentItem>;
  /** A document's text: read only by the fields that need it (Document.text, a document hit's highlights). */
  documentText: DocumentTextLoader;
  /** Any named subject of the people table: a person, an organization or a place. */
  subject: KindsLoader<SubjectItem>;
  /** A topic of the controlled list (also in the people table). */
  topic: KindsLoader<TopicItem>;
  person: SubjectKindLoader<'PERSON'>;
  organization: SubjectKindLoader<'ORGANIZATION'>;
  place: SubjectKindLoader<'PLACE'>;
  event: EntityLoader<EventItem>;
  claim: EntityLoader<ClaimItem>;
}

export type { OrganizationItem, PersonItem, PlaceItem };

/**
 * Loaders of one request: every read is of the request's version (resolved once, by `snapshot`).
 * Items of a version written in the current item format (ITEM_FORMAT, checked by the refresh when it
 * wrote them) are used as read; those of any other version are parsed with zod, and one that does not
 * parse fails its own load only.
 */
export function createLoaders(snapshot: () => Promise<Snapshot>): Loaders {
  const shared = new DataLoader<EntityRef, unknown, string>(
    async (refs) => {
      const snap = await snapshot();
      const found = await batchGetEntities(snap, refs);
      const schemas = isCheckedVersion(snap) ? undefined : await itemSchemas();
      return refs.map((ref) => {
        const raw = found.get(refKey(ref));
        if (raw === undefined) return null;
        if (schemas === undefined) return raw;
        const schema =
          ref.part === 'text' ? schemas.STORED_ITEM_SCHEMAS.documentText : schemas.ENTITY_ITEM_SCHEMAS[ref.table];
        const parsed = schema.safeParse(raw);
        return parsed.success ? parsed.data : parsed.error;
      });
    },
    {
      // Each EntityLoader keeps its items; a second cache of the same ones would only hold memory.
      cache: false,
      // Dispatch once the microtasks of this turn have run: resolvers of one query level settle at different
      // promise depths (a union member, a field behind an await), and they all belong in one batch.
      batchScheduleFn: (dispatch) => setImmediate(dispatch),
    },
  );
  const peopleTable = new EntityLoader<SubjectItem | TopicItem>(shared, 'people');
  const subject = new KindsLoader<SubjectItem>(peopleTable, ['PERSON', 'ORGANIZATION', 'PLACE']);
  return {
    document: new EntityLoader(shared, 'documents'),
    documentText: new DocumentTextLoader(shared),
    subject,
    topic: new KindsLoader<TopicItem>(peopleTable, ['TOPIC']),
    person: new SubjectKindLoader(subject, 'PERSON'),
    organization: new SubjectKindLoader(subject, 'ORGANIZATION'),
    place: new SubjectKindLoader(subject, 'PLACE'),
    event: new EntityLoader(shared, 'events'),
    claim: new EntityLoader(shared, 'claims'),
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
): Promise<StoredDocumentItem | SubjectItem | EventItem | ClaimItem | null> {
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
