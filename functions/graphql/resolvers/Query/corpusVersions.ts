import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { idListConnection } from '../../paging.js';

/** The kept versions, newest first: the pointer the request already read holds them all. */
export const corpusVersions: QueryResolvers['corpusVersions'] = async (_parent, args, { snapshot, cursors }) => {
  const { pointer } = await snapshot();
  const byNumber = new Map(pointer.kept.map((v) => [String(v.number), v]));
  return idListConnection(cursors, {
    listKey: 'corpusVersions',
    ids: [...byNumber.keys()],
    args,
    load: async (ids) => ids.map((id) => byNumber.get(id) ?? null),
  });
};
