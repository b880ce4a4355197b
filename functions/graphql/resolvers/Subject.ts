import type { SubjectResolvers } from '../../../schema/__generated__/resolvers-types.js';

const TYPE_NAME = { PERSON: 'Person', ORGANIZATION: 'Organization', PLACE: 'Place', EVENT: 'Event' } as const;

/** Every storage item says what it is, so the union member is read off its `kind`. */
export const Subject: SubjectResolvers = {
  __resolveType: (item) => TYPE_NAME[item.kind],
};
