/** Models behind GraphQL types that have no storage item of their own. */
import type { ClaimItem, EventItem, StoredDocumentItem, SubjectItem } from '../data/items.js';
import type { SearchMatch } from '../search/search-model.js';

/** A relation as the claim that shows it sees it (stored on the claim item). */
export type ClaimRelationModel = ClaimItem['relations'][number];

/** A link as the event that shows it sees it (stored on the event item). */
export type EventRelationModel = EventItem['related'][number];

/** A PartialDate is stored as its ISO value (YYYY, YYYY-MM or YYYY-MM-DD). */
export type PartialDateModel = string;

export interface EdgeModel<T> {
  /** Signed only when a query asks for it (GraphQL's default resolver calls it): most pages need no cursor. */
  cursor: () => Promise<string>;
  node: T;
}

/** A page's end, its cursor sealed only when a query asks for it (the key is read only then). */
export interface PageInfoModel {
  hasNextPage: boolean;
  endCursor: () => Promise<string | null>;
}

export interface ConnectionModel<T> {
  edges: EdgeModel<T>[];
  hasNextPage: boolean;
  /** Computed only when a query asks for it. */
  totalCount: () => number | Promise<number>;
}

/** A search hit with its item loaded: what SearchHit resolves from. A document's text is read only for its highlights. */
export interface SearchHitModel {
  match: SearchMatch;
  node: StoredDocumentItem | SubjectItem | EventItem | ClaimItem;
}
