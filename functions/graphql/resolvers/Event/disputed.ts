import type { EventResolvers } from '../../../../schema/__generated__/resolvers-types.js';

/**
 * Stored by the refresh: stated dates that cannot both be right (a month and a
 * day inside it agree; an inferred date does not count). Items of a version
 * written before the refresh stored it (item format 5) say false.
 */
export const disputed: EventResolvers['disputed'] = (event) => event.disputed === true;
