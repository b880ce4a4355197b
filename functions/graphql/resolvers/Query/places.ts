import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { countSubjects, listSubjects, type SubjectList } from '../../../data/subject-store.js';
import { connection } from '../../paging.js';

/** Places by name, from the request's version. */
export const places: QueryResolvers['places'] = async (_parent, args, { snapshot, cursors }, info) => {
  const list: SubjectList<'PLACE'> = { kind: 'PLACE' };
  const snap = await snapshot();
  return connection(cursors, {
    info,
    listKey: 'places',
    args,
    read: (first, after) => listSubjects(snap, list, first, after),
    totalCount: () => countSubjects(snap, list),
  });
};
