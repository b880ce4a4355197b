import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { subjectConnection } from './subject-list.js';

export const places: QueryResolvers['places'] = (_parent, args, context, info) =>
  subjectConnection({ kind: 'PLACE' }, 'places', args, context, info);
