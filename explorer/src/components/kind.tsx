/** How a claim is attributed, in words and in the colour the reader uses for its span. */
export const KIND_LABELS: Record<string, string> = {
  DIRECT_QUOTE: 'Quote',
  PARAPHRASE: 'Paraphrase',
  AUTHOR_ASSERTION: "Author's assertion",
};

export function KindBadge({ kind }: { kind: string }) {
  return <span className={`badge kind-${kind.toLowerCase()}`}>{KIND_LABELS[kind] ?? kind}</span>;
}
