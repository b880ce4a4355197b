import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { changeCount, listChanges } from '../../../data/change-store.js';
import { badUserInput } from '../../../shared/errors.js';
import { connection } from '../../paging.js';

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
  return connection(cursors, {
    listKey: `changes:${args.since}`,
    args,
    read: (first, after) => listChanges(snap.ds, versions, first, after),
    totalCount: () => versions.reduce((n, v) => n + changeCount(v), 0),
  });
};
