import type { DocumentResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import type { PersonItem } from '../../../data/items.js';
import { loadExisting } from '../../../data/loaders.js';
import { selectsOnly } from '../../selection.js';

/**
 * Person fields a document's author summary (id and name, stored on the
 * document item) answers as they are: plain properties of the person item,
 * with no resolver of their own.
 */
export const AUTHOR_SUMMARY_FIELDS: ReadonlySet<string> = new Set(['__typename', 'id', 'name']);

/**
 * A list that asks its authors for nothing but id and name is answered from
 * the document item, without reading the people table; any other field, or a
 * document written before its item carried the names, reads the authors'
 * person items.
 */
export const authors: DocumentResolvers['authors'] = (doc, _args, { loaders }, info) => {
  // Only the fields checked above are ever read from these objects, so the summary stands for the whole item.
  if (doc.authors !== undefined && selectsOnly(info, AUTHOR_SUMMARY_FIELDS)) return doc.authors as PersonItem[];
  return loadExisting(loaders.person, doc.authorIds);
};
