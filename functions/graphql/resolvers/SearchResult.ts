import type { SearchResultResolvers } from '../../../schema/__generated__/resolvers-types.js';

const TYPE_NAME = {
  DOCUMENT: 'Document',
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  PLACE: 'Place',
  EVENT: 'Event',
  CLAIM: 'Claim',
} as const;

/** Every storage item says what it is, so the union member is read off its `kind`. */
export const SearchResult: SearchResultResolvers = {
  __resolveType: (item) => TYPE_NAME[item.kind],
};
