import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';

/** The version that answers this request (SERVICE_UNAVAILABLE before the first publication). */
export const corpusVersion: QueryResolvers['corpusVersion'] = async (_parent, _args, { snapshot }) =>
  (await snapshot()).record;
