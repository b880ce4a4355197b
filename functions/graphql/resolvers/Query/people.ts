import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { subjectConnection } from './subject-list.js';

export const people: QueryResolvers['people'] = (_parent, args, context, info) =>
  subjectConnection({ kind: 'PERSON' }, 'people', args, context, info);
