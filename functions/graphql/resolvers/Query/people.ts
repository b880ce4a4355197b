import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { countPeople, listPeople, personResumeKey, personResumeKeyAccepted } from '../../../data/person-store.js';
import { queryConnection } from '../../paging.js';

export const people: QueryResolvers['people'] = (_parent, args, { ds }, info) =>
  queryConnection({
    info,
    listKey: 'people',
    args,
    fetch: (first, after) => listPeople(ds, first, after),
    acceptsKey: personResumeKeyAccepted,
    resumeKey: personResumeKey,
    totalCount: () => countPeople(ds),
  });
