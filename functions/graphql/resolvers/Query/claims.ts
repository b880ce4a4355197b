import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { countClaims, listClaims, type ClaimFilter } from '../../../data/claim-store.js';
import { connection } from '../../paging.js';

export const claims: QueryResolvers['claims'] = async (_parent, args, { snapshot, loaders, cursors }, info) => {
  const filter: ClaimFilter = {
    speakerId: args.speakerId ?? undefined,
    documentId: args.documentId ?? undefined,
    eventId: args.eventId ?? undefined,
    aboutId: args.aboutId ?? undefined,
    topicId: args.topicId ?? undefined,
    kind: args.kind ?? undefined,
  };
  const snap = await snapshot();
  return connection(cursors, {
    info,
    listKey: `claims:${JSON.stringify([filter.speakerId, filter.documentId, filter.eventId, filter.aboutId, filter.kind, filter.topicId])}`,
    args,
    read: (first, after) => listClaims(snap, loaders.claim, filter, first, after),
    totalCount: () => countClaims(snap, loaders, filter),
  });
};
