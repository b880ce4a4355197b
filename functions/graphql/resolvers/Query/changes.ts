import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { listChanges, type ChangesPosition } from '../../../data/version-store.js';
import { badUserInput } from '../../../shared/errors.js';
import { pageSize } from '../../paging.js';

const invalidCursor = () => badUserInput('Invalid cursor for this list.', { argumentName: 'after' });

/** Changes after version `since` up to the request's version, oldest first; counts come from the version records. */
export const changes: QueryResolvers['changes'] = async (_parent, args, { snapshot, cursors }) => {
  const snap = await snapshot();
  const oldest = Math.min(...snap.pointer.kept.map((v) => v.number));
  if (!Number.isInteger(args.since) || args.since < oldest - 1 || args.since > snap.version) {
    throw badUserInput(
      `"since" must be between ${oldest - 1} (the version before the oldest one kept) and ${snap.version} (the version this request reads); got ${args.since}. ` +
        'Older changes are no longer kept: reload everything, then follow changes from the current version.',
      { argumentName: 'since' },
    );
  }
  const versions = snap.pointer.kept
    .filter((v) => v.number > args.since && v.number <= snap.version)
    .sort((a, b) => a.number - b.number);
  const first = pageSize(args.first);
  const listKey = `changes:${args.since}`;
  let after: ChangesPosition | undefined;
  if (args.after != null) {
    const body = await cursors.decode(args.after, listKey);
    if (!('k' in body)) throw invalidCursor();
    after = { version: Number(body.k.v), offset: Number(body.k.o) };
    if (!versions.some((v) => v.number === after?.version) || !Number.isInteger(after.offset) || after.offset < 0)
      throw invalidCursor();
  }
  const page = await listChanges(snap.ds, versions, first, after);
  return {
    edges: page.items.map(({ item, position }) => ({
      node: item,
      cursor: () => cursors.encode({ l: listKey, k: { v: String(position.version), o: String(position.offset) } }),
    })),
    hasNextPage: page.hasNextPage,
    totalCount: () => versions.reduce((n, v) => n + v.added + v.updated + v.removed, 0),
  };
};
