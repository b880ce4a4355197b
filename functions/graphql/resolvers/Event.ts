import type { EventResolvers } from '../../../schema/__generated__/resolvers-types.js';
import { loadExisting, loadInOrder } from '../../data/loaders.js';
import { idListConnection } from '../paging.js';

export const Event: EventResolvers = {
  claims: (event, args, { loaders, cursors }) =>
    idListConnection(cursors, {
      listKey: `event:${event.id}:claims`,
      ids: event.claimIds,
      args,
      load: (ids) => loadInOrder(loaders.claim, ids),
    }),
  /** Disputed when the documents' dates differ (a coarser date that contains a finer one still differs). */
  disputed: (event) => new Set(event.reportedDates.map((r) => r.date)).size > 1,
  documents: (event, args, { loaders, cursors }) =>
    idListConnection(cursors, {
      listKey: `event:${event.id}:documents`,
      ids: event.documentIds,
      args,
      load: (ids) => loadInOrder(loaders.document, ids),
    }),
  participants: (event, _args, { loaders }) => loadExisting(loaders.person, event.participantIds),
  places: (event, _args, { loaders }) => loadExisting(loaders.place, event.placeIds),
};
