import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { countSubjects, listSubjects, type SubjectList } from '../../../data/subject-store.js';
import { connection } from '../../paging.js';

/** Organizations by name (all, or those of one kind), from the request's version. */
export const organizations: QueryResolvers['organizations'] = async (_parent, args, { snapshot, cursors }, info) => {
  const list: SubjectList<'ORGANIZATION'> = { kind: 'ORGANIZATION', organizationKind: args.kind ?? undefined };
  const snap = await snapshot();
  return connection(cursors, {
    info,
    listKey: `organizations:${list.organizationKind ?? ''}`,
    args,
    read: (first, after) => listSubjects(snap, list, first, after),
    totalCount: () => countSubjects(snap, list),
  });
};
