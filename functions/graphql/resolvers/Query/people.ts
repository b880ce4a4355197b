import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { countSubjects, listSubjects, type SubjectList } from '../../../data/subject-store.js';
import { connection } from '../../paging.js';

/** People by name, from the request's version. */
export const people: QueryResolvers['people'] = async (_parent, args, { snapshot, cursors }, info) => {
  const list: SubjectList<'PERSON'> = { kind: 'PERSON' };
  const snap = await snapshot();
  return connection(cursors, {
    info,
    listKey: 'people',
    args,
    read: (first, after) => listSubjects(snap, list, first, after),
    totalCount: () => countSubjects(snap, list),
  });
};
