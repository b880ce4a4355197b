import type { OrganizationResolvers } from '../../../schema/__generated__/resolvers-types.js';
import { loadInOrder } from '../../data/loaders.js';
import { idListConnection } from '../paging.js';

export const Organization: OrganizationResolvers = {
  kind: (organization) => organization.organizationKind,
  claims: (organization, args, { loaders, cursors }) =>
    idListConnection(cursors, {
      listKey: `organization:${organization.id}:claims`,
      ids: organization.claimsAboutIds,
      args,
      load: (ids) => loadInOrder(loaders.claim, ids),
    }),
  claimsMade: (organization, args, { loaders, cursors }) =>
    idListConnection(cursors, {
      listKey: `organization:${organization.id}:claimsMade`,
      ids: organization.claimIds,
      args,
      load: (ids) => loadInOrder(loaders.claim, ids),
    }),
  mentionedIn: (organization, args, { loaders, cursors }) =>
    idListConnection(cursors, {
      listKey: `organization:${organization.id}:mentionedIn`,
      ids: organization.mentionedInIds,
      args,
      load: (ids) => loadInOrder(loaders.document, ids),
    }),
};
