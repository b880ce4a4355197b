import type { DocumentResolvers } from '../../../schema/__generated__/resolvers-types.js';
import type { PersonItem } from '../../data/items.js';
import { loadExisting, loadInOrder } from '../../data/loaders.js';
import { documentCitation } from '../citation.js';
import { idListConnection } from '../paging.js';
import { selectsOnly } from '../selection.js';

/**
 * Person fields a document's author summary (id and name, stored on the
 * document item) answers as they are: plain properties of the person item,
 * with no resolver of their own.
 */
const AUTHOR_SUMMARY_FIELDS: ReadonlySet<string> = new Set(['__typename', 'id', 'name']);

export const Document: DocumentResolvers = {
  /**
   * A list that asks its authors for nothing but id and name is answered from
   * the document item, without reading the people table; any other field, or a
   * document written before its item carried the names, reads the authors'
   * person items.
   */
  authors: (doc, _args, { loaders }, info) => {
    // Only the fields checked above are ever read from these objects, so the summary stands for the whole item.
    if (doc.authors !== undefined && selectsOnly(info, AUTHOR_SUMMARY_FIELDS)) return doc.authors as PersonItem[];
    return loadExisting(loaders.person, doc.authorIds);
  },
  /** The text is an item of its own (item format 8), read only here: the texts of one level are one batch. */
  text: (doc, _args, { loaders }) => loaders.documentText.load(doc),
  citation: (doc) =>
    documentCitation(
      doc,
      (doc.authors ?? []).map((a) => a.name),
    ),
  publisherOrganization: (doc, _args, { loaders }) =>
    doc.publisherOrganizationId === undefined ? null : loaders.organization.load(doc.publisherOrganizationId),
  claims: (doc, args, { loaders, cursors }) =>
    idListConnection(cursors, {
      listKey: `document:${doc.id}:claims`,
      ids: doc.claimIds,
      args,
      load: (ids) => loadInOrder(loaders.claim, ids),
    }),
  events: (doc, _args, { loaders }) => loadExisting(loaders.event, doc.eventIds),
  organizations: (doc, _args, { loaders }) => loadExisting(loaders.organization, doc.organizationIds),
  people: (doc, _args, { loaders }) => loadExisting(loaders.person, doc.personIds),
  places: (doc, _args, { loaders }) => loadExisting(loaders.place, doc.placeIds),
};
