import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { countSubjects, listSubjects, subjectResumeKeyAccepted } from '../../../data/subject-store.js';
import { queryConnection } from '../../paging.js';

export const organizations: QueryResolvers['organizations'] = (_parent, args, { ds, cursors }, info) => {
  const list = { kind: 'ORGANIZATION' as const, organizationKind: args.kind ?? undefined };
  return queryConnection(cursors, {
    info,
    listKey: `organizations:${list.organizationKind ?? ''}`,
    args,
    fetch: (first, after) => listSubjects(ds, list, first, after),
    acceptsKey: (key) => subjectResumeKeyAccepted(list, key),
    totalCount: () => countSubjects(ds, list),
  });
};
