import type { ReportedDateResolvers } from '../../../../schema/__generated__/resolvers-types.js';

export const span: ReportedDateResolvers['span'] = (reported) => ({ start: reported.start, end: reported.end });
