import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';

export const healthy: QueryResolvers['healthy'] = () => true;
