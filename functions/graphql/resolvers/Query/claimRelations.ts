import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { countClaimPairs, listClaimPairs, type ClaimPairFilter } from '../../../data/claim-store.js';
import { badUserInput } from '../../../shared/errors.js';
import { connection } from '../../paging.js';

export const claimRelations: QueryResolvers['claimRelations'] = async (_parent, args, { snapshot, cursors }, info) => {
  if (args.kind === 'QUALIFIED_BY') {
    throw badUserInput('Pairs are listed once, from the qualifying claim: ask for kind QUALIFIES.', {
      argumentName: 'kind',
    });
  }
  const filter: ClaimPairFilter = { kind: args.kind ?? undefined, subjectId: args.subjectId ?? undefined };
  const snap = await snapshot();
  return connection(cursors, {
    info,
    listKey: `claimRelations:${JSON.stringify([filter.kind, filter.subjectId])}`,
    args,
    read: (first, after) => listClaimPairs(snap, filter, first, after),
    totalCount: () => countClaimPairs(snap, filter),
  });
};
