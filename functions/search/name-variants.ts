/**
 * Spellings of the same place that no folding or transliteration rule
 * derives (exonyms and romanizations: Kiev/Kyiv, Shushi/Shusha). They are
 * read like the aliases of an entity: a query for one finds text with the
 * others. The knowledge graph's places carry these as aliases; this list only
 * covers the places the corpus mentions until those items exist, and entries
 * the graph covers can then be removed (duplicates are harmless).
 */
export const NAME_VARIANTS: readonly (readonly string[])[] = [
  ['Kyiv', 'Kiev', 'Kyjiv'],
  ['Shusha', 'Shushi', 'Şuşa'],
  ['Luhansk', 'Lugansk'],
  ['Kharkiv', 'Kharkov'],
  ['Odesa', 'Odessa'],
  ['Karabakh', 'Qarabağ', 'Garabagh'],
  ['Belarus', 'Byelorussia'],
];
