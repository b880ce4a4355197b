import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { subjectConnection } from './subject-list.js';

export const organizations: QueryResolvers['organizations'] = (_parent, args, context, info) => {
  const organizationKind = args.kind ?? undefined;
  return subjectConnection(
    { kind: 'ORGANIZATION', organizationKind },
    `organizations:${organizationKind ?? ''}`,
    args,
    context,
    info,
  );
};
