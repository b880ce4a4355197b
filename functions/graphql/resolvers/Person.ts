import type { PersonResolvers } from '../../../schema/__generated__/resolvers-types.js';
import { loadExisting, loadInOrder } from '../../data/loaders.js';
import { idListConnection } from '../paging.js';

export const Person: PersonResolvers = {
  authored: (person, _args, { loaders }) => loadExisting(loaders.document, person.authoredIds),
  claims: (person, args, { loaders, cursors }) =>
    idListConnection(cursors, {
      listKey: `person:${person.id}:claims`,
      ids: person.claimIds,
      args,
      load: (ids) => loadInOrder(loaders.claim, ids),
    }),
  claimsAbout: (person, args, { loaders, cursors }) =>
    idListConnection(cursors, {
      listKey: `person:${person.id}:claimsAbout`,
      ids: person.claimsAboutIds,
      args,
      load: (ids) => loadInOrder(loaders.claim, ids),
    }),
  mentionedIn: (person, args, { loaders, cursors }) =>
    idListConnection(cursors, {
      listKey: `person:${person.id}:mentionedIn`,
      ids: person.mentionedInIds,
      args,
      load: (ids) => loadInOrder(loaders.document, ids),
    }),
};
