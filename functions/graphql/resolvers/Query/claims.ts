import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { claimResumeKeyAccepted, countClaims, listClaims, type ClaimFilter } from '../../../data/claim-store.js';
import { queryConnection } from '../../paging.js';

export const claims: QueryResolvers['claims'] = async (_parent, args, { snapshot, loaders, cursors }, info) => {
  const filter: ClaimFilter = {
    speakerId: args.speakerId ?? undefined,
    documentId: args.documentId ?? undefined,
    eventId: args.eventId ?? undefined,
    aboutId: args.aboutId ?? undefined,
    kind: args.kind ?? undefined,
  };
  const snap = await snapshot();
  return queryConnection(cursors, {
    info,
    listKey: `claims:${JSON.stringify([filter.speakerId, filter.documentId, filter.eventId, filter.aboutId, filter.kind])}`,
    args,
    fetch: (first, after) => listClaims(snap, loaders.claim, filter, first, after),
    acceptsKey: (key) => claimResumeKeyAccepted(snap, filter, key),
    totalCount: () => countClaims(snap, loaders, filter),
  });
};
