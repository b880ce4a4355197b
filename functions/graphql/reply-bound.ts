/**
 * The largest reply a query can produce, counted before execution: every field
 * the reply can hold, at the largest value it can take, times the items of the
 * lists around it. Its bytes, with the work of resolving it, make the query's
 * cost (limits.ts), so the cost limit bounds the reply (docs/limits.md, "The
 * reply bound"). The maxima are constants: a test compares each with what the
 * API serves over the corpus (test/integration/reply-bound.test.ts), so a
 * corpus with longer values fails it until the constants follow.
 */
import {
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { introspectionBytes } from './introspection-cost.js';
import { DEFAULT_PAGE_SIZE } from './paging.js';

/**
 * The largest JSON-encoded value of a text field, in bytes, where it exceeds
 * the defaults below: the corpus's largest with headroom.
 */
export const TEXT_FIELD_BYTES: Readonly<Record<string, number>> = {
  'Document.text': 10_000,
  'Event.description': 1_000,
  'Claim.quote': 500,
  'TextAnchor.exact': 500,
  'ReportedDate.quote': 450,
  'Claim.text': 300,
  'ClaimRelation.note': 260,
  'ClaimPair.note': 260,
  'Claim.sourceLink': 240,
  // Speaker, the quote, title, publisher, date and the link to the words (citation.ts).
  'Claim.citation': 1_300,
  // Authors, title, publisher, date and URL.
  'Document.citation': 800,
  'Topic.description': 600,
  'ReportedDate.inference': 450,
  'Person.description': 240,
  'Organization.description': 240,
  'Place.description': 240,
  // 32 characters of context, each at most 6 bytes JSON-encoded (an escaped control character).
  'TextAnchor.prefix': 200,
  'TextAnchor.suffix': 200,
};

/**
 * Bytes of any other string, an id, a cursor and a number, JSON-encoded. A
 * cursor (cursor-codec.ts) seals its list's key, which holds up to five ids
 * for a filtered `claims` (document, speaker, event, about, topic), and its
 * position: about 150 bytes in the corpus, at most ~700 with five ids of LEAF_BYTES.id.
 */
export const LEAF_BYTES = {
  string: 120,
  id: 64,
  cursor: 720,
  int: 11,
  float: 24,
  boolean: 5,
} as const;

/** Items of the lists without `first`: the corpus's most with headroom. */
export const LIST_ITEMS: Readonly<Record<string, number>> = {
  'Document.events': 40,
  'Document.organizations': 30,
  'Document.places': 24,
  'Document.people': 16,
  'Claim.about': 14,
  'Claim.relations': 7,
  'Claim.events': 6,
  'Event.reportedDates': 6,
};
/** Items of any other list without `first` (aliases, authors, a claim's events and relations…). */
export const DEFAULT_LIST_ITEMS = 10;

/** Items a list without `first` is counted with. */
export const listItems = (coordinate: string) => LIST_ITEMS[coordinate] ?? DEFAULT_LIST_ITEMS;

/**
 * Cost units of work, measured in handler CPU (bench/abuse.ts): an item a list
 * reads from the store (the SDK parses and unmarshals the whole item, about
 * 55 µs for a claim whatever fields are asked), a list read (a page or a
 * count), a cursor sealed (AES-GCM and an HMAC, 60 to 80 µs), an object
 * resolved (mostly from a loader's cache).
 */
export const WORK = { perItem: 60, perConnection: 50, perCursor: 80, perObject: 1 } as const;

/** Bytes and work of a part of a reply. */
export interface Tally {
  bytes: number;
  work: number;
}

interface Walk {
  schema: GraphQLSchema;
  document: DocumentNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Introspection bytes still allowed; one budget for all of a request's introspection. */
  introspectionLeft: number;
  typeNameBytes: number;
}

const add = (a: Tally, b: Tally): Tally => ({ bytes: a.bytes + b.bytes, work: a.work + b.work });
const ZERO: Tally = { bytes: 0, work: 0 };

/** The fields a selection set asks of an object of type `type`, fragments flattened (skip/include counted in). */
function fieldsFor(walk: Walk, set: SelectionSetNode, type: GraphQLObjectType, into: FieldNode[] = []): FieldNode[] {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
      if (fragment === undefined) continue;
      const condition = fragment.typeCondition?.name.value;
      const conditionType = condition === undefined ? type : walk.schema.getType(condition);
      const applies =
        conditionType === type || (isAbstractType(conditionType) && walk.schema.isSubType(conditionType, type));
      if (applies) fieldsFor(walk, fragment.selectionSet, type, into);
    }
  }
  return into;
}

const isCursor = (coordinate: string) => coordinate.endsWith('Edge.cursor') || coordinate === 'PageInfo.endCursor';

export function leafBytes(coordinate: string, type: GraphQLOutputType): number {
  const named = getNamedType(type);
  const text = TEXT_FIELD_BYTES[coordinate];
  if (text !== undefined) return text;
  if (isEnumType(named)) return Math.max(4, ...named.getValues().map((v) => v.name.length + 2));
  if (isCursor(coordinate)) return LEAF_BYTES.cursor;
  switch (named.name) {
    case 'ID':
      return LEAF_BYTES.id;
    case 'Int':
      return LEAF_BYTES.int;
    case 'Float':
      return LEAF_BYTES.float;
    case 'Boolean':
      return LEAF_BYTES.boolean;
    default:
      return LEAF_BYTES.string;
  }
}

/** A field's value: a leaf, an object, or a list of either (`pageSize` items for a connection's page). */
function valueTally(walk: Walk, type: GraphQLOutputType, node: FieldNode, coordinate: string, pageSize: number): Tally {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const paged = /Connection\.(edges|nodes)$/.test(coordinate);
    const items = paged ? pageSize : listItems(coordinate);
    const item = valueTally(walk, inner.ofType, node, coordinate, pageSize);
    // Brackets, and a comma after each item.
    return { bytes: 2 + items * (item.bytes + 1), work: items * item.work };
  }
  if (isObjectType(inner) || isAbstractType(inner)) {
    if (node.selectionSet === undefined) return ZERO;
    return add(selectionTally(walk, node.selectionSet, inner, pageSize), { bytes: 0, work: WORK.perObject });
  }
  return { bytes: leafBytes(coordinate, inner), work: isCursor(coordinate) ? WORK.perCursor : 0 };
}

/** A field of an object of type `parent`, with its key: `"key":value,`. */
function fieldTally(walk: Walk, parent: GraphQLObjectType, node: FieldNode, pageSize: number): Tally {
  const name = node.name.value;
  const key = { bytes: (node.alias ?? node.name).value.length + 4, work: 0 };
  if (name === '__typename') return add(key, { bytes: walk.typeNameBytes, work: 0 });
  if (name === SchemaMetaFieldDef.name || name === TypeMetaFieldDef.name) {
    const bytes =
      walk.introspectionLeft > 0
        ? introspectionBytes(walk.schema, walk.document, node, walk.variables, walk.introspectionLeft)
        : undefined;
    walk.introspectionLeft = bytes === undefined ? 0 : walk.introspectionLeft - bytes;
    return add(key, { bytes: bytes ?? Number.POSITIVE_INFINITY, work: 0 });
  }
  const field = parent.getFields()[name];
  if (field === undefined) return key;
  const coordinate = `${parent.name}.${name}`;
  if (!getNamedType(field.type).name.endsWith('Connection'))
    return add(key, valueTally(walk, field.type, node, coordinate, pageSize));
  const args = getArgumentValues(field, node, walk.variables);
  const first = typeof args.first === 'number' && args.first >= 0 ? args.first : DEFAULT_PAGE_SIZE;
  // The page is read whatever the selection asks of it (a `totalCount` alone too).
  const read = { bytes: 0, work: WORK.perConnection + first * WORK.perItem };
  return add(add(key, valueTally(walk, field.type, node, coordinate, first)), read);
}

/**
 * Cost units of a tally: its bytes in units of `bytesPerUnit` or its work, whichever is more. Each
 * bounds its own resource: under the limit, the reply is at most limit × bytesPerUnit bytes, and
 * the work at most limit units.
 */
export const tallyCost = (t: Tally, bytesPerUnit: number) => Math.max(Math.ceil(t.bytes / bytesPerUnit), t.work);

/**
 * An object's braces and fields; for an abstract type, the costliest of the
 * object types it may be (each item of the reply is one of them).
 */
function selectionTally(walk: Walk, set: SelectionSetNode, type: GraphQLCompositeType, pageSize: number): Tally {
  const candidates = isObjectType(type) ? [type] : walk.schema.getPossibleTypes(type);
  // Bytes and work each at their largest over the candidates, so each stays an upper bound.
  let worst = ZERO;
  for (const candidate of candidates) {
    let tally: Tally = { bytes: 2, work: 0 };
    for (const node of fieldsFor(walk, set, candidate)) tally = add(tally, fieldTally(walk, candidate, node, pageSize));
    worst = { bytes: Math.max(worst.bytes, tally.bytes), work: Math.max(worst.work, tally.work) };
  }
  return worst;
}

/**
 * The largest `data` an operation can answer with, and the work behind it.
 * `introspectionBudget` bounds the bytes counted for introspection: past it,
 * the tally is infinite.
 */
export function replyTally(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  introspectionBudget: number,
): Tally {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations.find((o) => operationName === undefined || o.name?.value === operationName);
  const root = schema.getQueryType();
  if (operation === undefined || root === undefined || root === null) return ZERO;
  const fragments = new Map(
    document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const typeNames = Object.keys(schema.getTypeMap());
  const walk: Walk = {
    schema,
    document,
    fragments,
    variables,
    introspectionLeft: introspectionBudget,
    typeNameBytes: Math.max(...typeNames.map((n) => n.length + 2)),
  };
  return selectionTally(walk, operation.selectionSet, root, DEFAULT_PAGE_SIZE);
}
