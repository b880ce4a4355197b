import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { claimResumeKeyAccepted, countClaims, listClaimRefs, type ClaimFilter } from '../../../data/claim-store.js';
import { loadInOrder } from '../../../data/loaders.js';
import type { ClaimItem } from '../../../data/items.js';
import type { StoredKey } from '../../../data/table-store.js';
import type { GraphQLContext } from '../../context.js';
import { queryConnection } from '../../paging.js';

/** With a single filter the parent item already holds the list, so its length is the count. */
async function totalCount({ ds, loaders }: GraphQLContext, filter: ClaimFilter): Promise<number> {
  const given = [filter.documentId, filter.speakerId, filter.eventId].filter((f) => f !== undefined).length;
  if (given === 1) {
    const parent =
      filter.documentId !== undefined
        ? await loaders.document.load(filter.documentId)
        : filter.speakerId !== undefined
          ? await loaders.person.load(filter.speakerId)
          : await loaders.event.load(filter.eventId as string);
    return parent?.claimIds.length ?? 0;
  }
  return countClaims(ds, filter);
}

export const claims: QueryResolvers['claims'] = (_parent, args, context, info) => {
  const filter: ClaimFilter = {
    speakerId: args.speakerId ?? undefined,
    documentId: args.documentId ?? undefined,
    eventId: args.eventId ?? undefined,
  };
  const resume = new Map<ClaimItem, StoredKey>();
  return queryConnection<ClaimItem>({
    info,
    listKey: `claims:${filter.speakerId ?? ''}:${filter.documentId ?? ''}:${filter.eventId ?? ''}`,
    args,
    fetch: async (first, after) => {
      const page = await listClaimRefs(context.ds, filter, first, after);
      for (const ref of page.refs) if (ref.claim !== undefined) context.loaders.claim.prime(ref.claimId, ref.claim);
      const items = await loadInOrder(context.loaders.claim, page.refs.map((r) => r.claimId));
      const found: ClaimItem[] = [];
      items.forEach((item, i) => {
        const ref = page.refs[i];
        if (item !== null && ref !== undefined) {
          resume.set(item, ref.resumeKey);
          found.push(item);
        }
      });
      return { items: found, hasNextPage: page.hasNextPage };
    },
    acceptsKey: (key) => claimResumeKeyAccepted(filter, key),
    resumeKey: (item) => resume.get(item) ?? {},
    totalCount: () => totalCount(context, filter),
  });
};
