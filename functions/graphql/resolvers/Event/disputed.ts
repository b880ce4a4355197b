import type { EventResolvers } from '../../../../schema/__generated__/resolvers-types.js';

/** Disputed when the documents' dates differ (a coarser date that contains a finer one still differs). */
export const disputed: EventResolvers['disputed'] = (event) => new Set(event.reportedDates.map((r) => r.date)).size > 1;
