import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { countSubjects, listSubjects, subjectResumeKeyAccepted } from '../../../data/subject-store.js';
import { queryConnection } from '../../paging.js';

export const organizations: QueryResolvers['organizations'] = async (_parent, args, { snapshot, cursors }, info) => {
  const list = { kind: 'ORGANIZATION' as const, organizationKind: args.kind ?? undefined };
  const snap = await snapshot();
  return queryConnection(cursors, {
    info,
    listKey: `organizations:${list.organizationKind ?? ''}`,
    args,
    fetch: (first, after) => listSubjects(snap, list, first, after),
    acceptsKey: (key) => subjectResumeKeyAccepted(snap, list, key),
    totalCount: () => countSubjects(snap, list),
  });
};
