import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { claimResumeKeyAccepted, countClaims, listClaims, type ClaimFilter } from '../../../data/claim-store.js';
import { queryConnection } from '../../paging.js';

export const claims: QueryResolvers['claims'] = (_parent, args, { ds, loaders, cursors }, info) => {
  const filter: ClaimFilter = {
    speakerId: args.speakerId ?? undefined,
    documentId: args.documentId ?? undefined,
    eventId: args.eventId ?? undefined,
    aboutId: args.aboutId ?? undefined,
    kind: args.kind ?? undefined,
  };
  return queryConnection(cursors, {
    info,
    listKey: `claims:${JSON.stringify([filter.speakerId, filter.documentId, filter.eventId, filter.aboutId, filter.kind])}`,
    args,
    fetch: (first, after) => listClaims(ds, loaders.claim, filter, first, after),
    acceptsKey: (key) => claimResumeKeyAccepted(filter, key),
    totalCount: () => countClaims(ds, loaders, filter),
  });
};
