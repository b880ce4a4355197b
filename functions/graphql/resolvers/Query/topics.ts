import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { countSubjects, listSubjects, type SubjectList } from '../../../data/subject-store.js';
import { connection } from '../../paging.js';

/** The controlled list of topics by name, from the request's version. */
export const topics: QueryResolvers['topics'] = async (_parent, args, { snapshot, cursors }, info) => {
  const list: SubjectList<'TOPIC'> = { kind: 'TOPIC' };
  const snap = await snapshot();
  return connection(cursors, {
    info,
    listKey: 'topics',
    args,
    read: (first, after) => listSubjects(snap, list, first, after),
    totalCount: () => countSubjects(snap, list),
  });
};
