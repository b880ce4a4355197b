import type { ClaimResolvers } from '../../../schema/__generated__/resolvers-types.js';
import { loadExisting } from '../../data/loaders.js';
import { notFoundInternally } from '../../shared/integrity.js';
import { claimCitation, claimLink } from '../citation.js';

export const Claim: ClaimResolvers = {
  /** People, organizations and places from the people table, events from theirs: one batch for the level. */
  about: async (claim, _args, { loaders }) => {
    const items = await Promise.all(
      claim.about.map((a) => (a.table === 'people' ? loaders.subject.load(a.id) : loaders.event.load(a.id))),
    );
    return items.filter((item) => item !== null);
  },
  /** TextAnchor is backed by the claim itself: its quote, span and stored anchor context. */
  anchor: (claim) => claim,
  document: async (claim, _args, { loaders }) =>
    (await loaders.document.load(claim.documentId)) ?? notFoundInternally('document', claim.documentId),
  events: (claim, _args, { loaders }) => loadExisting(loaders.event, claim.eventIds),
  /** The document, speaker and speaking body batch with the rest of the level. */
  citation: async (claim, _args, { loaders }) => {
    const [doc, person, org] = await Promise.all([
      loaders.document.load(claim.documentId),
      claim.speakerId === undefined ? null : loaders.person.load(claim.speakerId),
      claim.speakerOrganizationId === undefined ? null : loaders.organization.load(claim.speakerOrganizationId),
    ]);
    if (doc === null) return notFoundInternally('document', claim.documentId);
    return claimCitation(
      claim,
      doc,
      person?.name ?? org?.name ?? null,
      (doc.authors ?? []).map((a) => a.name),
    );
  },
  kind: (claim) => claim.claimKind,
  topics: (claim, _args, { loaders }) => loadExisting(loaders.topic, claim.topicIds ?? []),
  /** Stored on the claim item (both sides of every relation), so no read is needed until the other claim is asked for. */
  relations: (claim, { kind }) => (kind == null ? claim.relations : claim.relations.filter((r) => r.kind === kind)),
  /** Made from the document's URL and the claim's text directive: no text is read. */
  sourceLink: async (claim, _args, { loaders }) => {
    const doc = await loaders.document.load(claim.documentId);
    return doc === null ? null : claimLink(claim, doc);
  },
  span: (claim) => ({ start: claim.start, end: claim.end }),
  speaker: (claim, _args, { loaders }) => (claim.speakerId === undefined ? null : loaders.person.load(claim.speakerId)),
  speakerOrganization: (claim, _args, { loaders }) =>
    claim.speakerOrganizationId === undefined ? null : loaders.organization.load(claim.speakerOrganizationId),
};
