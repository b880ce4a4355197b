import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { countSubjects, listSubjects, subjectResumeKeyAccepted } from '../../../data/subject-store.js';
import { queryConnection } from '../../paging.js';

const list = { kind: 'PLACE' } as const;

export const places: QueryResolvers['places'] = async (_parent, args, { snapshot, cursors }, info) => {
  const snap = await snapshot();
  return queryConnection(cursors, {
    info,
    listKey: 'places',
    args,
    fetch: (first, after) => listSubjects(snap, list, first, after),
    acceptsKey: (key) => subjectResumeKeyAccepted(snap, list, key),
    totalCount: () => countSubjects(snap, list),
  });
};
