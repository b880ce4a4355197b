import type { ClaimResolvers } from '../../../../schema/__generated__/resolvers-types.js';

export const speakerOrganization: ClaimResolvers['speakerOrganization'] = (claim, _args, { loaders }) =>
  claim.speakerOrganizationId === undefined ? null : loaders.organization.load(claim.speakerOrganizationId);
