/**
 * Storage item types. They come from the zod schemas in item-schemas.ts, which
 * this module imports as types only: code that needs a type or a constant does
 * not build the schemas. The constants the items are made of live in
 * item-constants.ts and are re-exported here.
 * Resolvers receive these types; codegen maps GraphQL types to them.
 */
import type * as z from 'zod/mini';
import type * as schemas from './item-schemas.js';

export {
  CLAIM_KINDS,
  CLAIM_PAIR_KINDS,
  CLAIM_RELATION_KINDS,
  EVENT_RELATION_KINDS,
  ITEM_FORMAT,
  ORGANIZATION_KINDS,
} from './item-constants.js';

/** A document with its text, as the refresh builds it and search indexes it. */
export type DocumentItem = z.infer<typeof schemas.documentItemSchema>;
/** A document's entity item, as reads get it: its text is read apart (DocumentTextItem), except in formats before 8. */
export type StoredDocumentItem = z.infer<typeof schemas.storedDocumentItemSchema>;
export type DocumentTextItem = z.infer<typeof schemas.documentTextItemSchema>;
export type PersonItem = z.infer<typeof schemas.personItemSchema>;
export type OrganizationItem = z.infer<typeof schemas.organizationItemSchema>;
export type PlaceItem = z.infer<typeof schemas.placeItemSchema>;
export type SubjectItem = z.infer<typeof schemas.subjectItemSchema>;
export type TopicItem = z.infer<typeof schemas.topicItemSchema>;
export type ReportedDateItem = z.infer<typeof schemas.reportedDateSchema>;
export type EventItem = z.infer<typeof schemas.eventItemSchema>;
export type AnchorItem = z.infer<typeof schemas.anchorSchema>;
export type ClaimItem = z.infer<typeof schemas.claimItemSchema>;
export type ClaimAboutItem = z.infer<typeof schemas.claimAboutItemSchema>;
export type ClaimPairItem = z.infer<typeof schemas.claimPairItemSchema>;
export type EventDateItem = z.infer<typeof schemas.eventDateItemSchema>;

/** Each kind of stored item, by the name STORED_ITEM_SCHEMAS gives its schema. */
export type StoredItems = { [K in schemas.StoredItemKind]: z.infer<(typeof schemas.STORED_ITEM_SCHEMAS)[K]> };
