import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { countSubjects, listSubjects, subjectResumeKeyAccepted } from '../../../data/subject-store.js';
import { queryConnection } from '../../paging.js';

const list = { kind: 'PERSON' } as const;

export const people: QueryResolvers['people'] = (_parent, args, { ds, cursors }, info) =>
  queryConnection(cursors, {
    info,
    listKey: 'people',
    args,
    fetch: (first, after) => listSubjects(ds, list, first, after),
    acceptsKey: (key) => subjectResumeKeyAccepted(list, key),
    totalCount: () => countSubjects(ds, list),
  });
