import type { ClaimResolvers } from '../../../../schema/__generated__/resolvers-types.js';

/** People, organizations and places from the people table, events from theirs: one batch for the level. */
export const about: ClaimResolvers['about'] = async (claim, _args, { loaders }) => {
  const items = await Promise.all(
    claim.about.map((a) => (a.table === 'people' ? loaders.subject.load(a.id) : loaders.event.load(a.id))),
  );
  return items.filter((item) => item !== null);
};
