import type { GraphQLResolveInfo } from 'graphql';
import type { SubjectKind } from '../../../data/keys.js';
import {
  countSubjects,
  listSubjects,
  subjectResumeKeyAccepted,
  type SubjectList,
} from '../../../data/subject-store.js';
import type { GraphQLContext } from '../../context.js';
import { queryConnection, type PageArgs } from '../../paging.js';

/** One page of a root list of named subjects (people, organizations, places), by name, from the request's version. */
export async function subjectConnection<K extends SubjectKind>(
  list: SubjectList<K>,
  listKey: string,
  args: PageArgs,
  { snapshot, cursors }: GraphQLContext,
  info: GraphQLResolveInfo,
) {
  const snap = await snapshot();
  return queryConnection(cursors, {
    info,
    listKey,
    args,
    fetch: (first, after) => listSubjects(snap, list, first, after),
    acceptsKey: (key) => subjectResumeKeyAccepted(snap, list, key),
    totalCount: () => countSubjects(snap, list),
  });
}
