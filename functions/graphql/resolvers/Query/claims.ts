import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { countClaims, listClaims, type ClaimFilter } from '../../../data/claim-store.js';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../../context.js';
import { connection, type PageArgs } from '../../paging.js';

/** A page of claims matching a filter, with its exact count: `claims(...)` and `Topic.claims` alike. */
export async function claimsConnection(
  { snapshot, loaders, cursors }: GraphQLContext,
  filter: ClaimFilter,
  listKey: string,
  args: PageArgs,
  info: GraphQLResolveInfo,
) {
  const snap = await snapshot();
  return connection(cursors, {
    info,
    listKey,
    args,
    read: (first, after) => listClaims(snap, loaders.claim, filter, first, after),
    totalCount: () => countClaims(snap, loaders, filter),
  });
}

export const claims: QueryResolvers['claims'] = (_parent, args, context, info) => {
  const filter: ClaimFilter = {
    speakerId: args.speakerId ?? undefined,
    documentId: args.documentId ?? undefined,
    eventId: args.eventId ?? undefined,
    aboutId: args.aboutId ?? undefined,
    topicId: args.topicId ?? undefined,
    kind: args.kind ?? undefined,
  };
  const listKey = `claims:${JSON.stringify([filter.speakerId, filter.documentId, filter.eventId, filter.aboutId, filter.kind, filter.topicId])}`;
  return claimsConnection(context, filter, listKey, args, info);
};
