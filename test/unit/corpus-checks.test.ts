/**
 * The corpus checker refuses, naming file and path, what would make the
 * knowledge graph wrong: relations that point nowhere or repeat, subjects
 * that do not exist, aliases two entities share, a statement dated after
 * its document.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCorpus, isWarning, type CorpusIssue } from '../../functions/refresh/corpus-checks.js';
import { readCorpus } from '../../functions/refresh/corpus-reader.js';
import type { Corpus } from '../../functions/refresh/corpus-schema.js';
import { directorySource, memorySource } from '../../functions/refresh/corpus-source.js';
import { corpusFiles } from '../../scripts/harness/corpus-files.js';
import { CORPUS_DIR } from '../../seed/paths.js';

let corpus: Corpus;
beforeAll(async () => {
  const read = await readCorpus(directorySource(CORPUS_DIR));
  expect(read.issues).toEqual([]);
  corpus = read.corpus;
});

/** A deep copy of the corpus with one edit; the errors the checker reports for it (warnings left out). */
function issuesAfter(edit: (c: Corpus) => void): CorpusIssue[] {
  const copy = structuredClone(corpus);
  edit(copy);
  return checkCorpus(copy).filter((i) => !isWarning(i));
}

const indexOf = (list: readonly { id: string }[], id: string) => list.findIndex((e) => e.id === id);

describe('the corpus checker', () => {
  it('accepts the corpus as it is (warnings are printed, never refused)', () => {
    expect(checkCorpus(corpus).filter((i) => !isWarning(i))).toEqual([]);
  });

  it('refuses a relation to an unknown claim', () => {
    const issues = issuesAfter((c) =>
      c.claims[0]!.relations.push({ kind: 'SUPPORTS', claim: 'no-such-claim', note: 'A note.' }),
    );
    expect(issues).toContainEqual({
      file: 'claims.yaml',
      path: `[0].relations[${corpus.claims[0]!.relations.length}].claim`,
      message: 'unknown claim "no-such-claim"',
    });
  });

  it('refuses a claim related to itself', () => {
    const issues = issuesAfter((c) =>
      c.claims[1]!.relations.push({ kind: 'SUPPORTS', claim: c.claims[1]!.id, note: 'Itself.' }),
    );
    expect(issues.map((i) => `${i.file} ${i.path}: ${i.message}`)).toContainEqual(
      expect.stringMatching(/^claims\.yaml \[1\]\.relations\[\d+\]: ".*" is related to itself$/),
    );
  });

  it('refuses the same pair twice, or in both directions', () => {
    const carrier = corpus.claims.findIndex((c) => c.relations.length > 0);
    const relation = corpus.claims[carrier]!.relations[0]!;
    const twice = issuesAfter((c) => c.claims[carrier]!.relations.push({ ...relation, kind: 'CONTRADICTS' }));
    expect(twice.some((i) => i.file === 'claims.yaml' && i.message.includes('is already related at'))).toBe(true);
    const other = indexOf(corpus.claims, relation.claim);
    const back = issuesAfter((c) =>
      c.claims[other]!.relations.push({ kind: relation.kind, claim: corpus.claims[carrier]!.id, note: 'Back.' }),
    );
    expect(back).toContainEqual(
      expect.objectContaining({
        file: 'claims.yaml',
        path: `[${other}].relations[${corpus.claims[other]!.relations.length}]`,
      }),
    );
  });

  it('refuses an about or places id that does not exist', () => {
    expect(issuesAfter((c) => c.claims[2]!.about.push('atlantis'))).toContainEqual({
      file: 'claims.yaml',
      path: `[2].about[${corpus.claims[2]!.about.length}]`,
      message: 'unknown person, organization or place "atlantis"',
    });
    expect(issuesAfter((c) => c.events[0]!.places.push('atlantis'))).toContainEqual({
      file: 'events.yaml',
      path: `[0].places[${corpus.events[0]!.places.length}]`,
      message: 'unknown place "atlantis"',
    });
  });

  it('refuses an alias two entities of the same kind share', () => {
    const [first, second] = corpus.places;
    expect(first!.aliases.length).toBeGreaterThan(0);
    const issues = issuesAfter((c) => c.places[1]!.aliases.push(first!.aliases[0]!));
    expect(issues).toEqual([
      {
        file: 'places.yaml',
        path: `[1].aliases[${second!.aliases.length}]`,
        message: `the alias "${first!.aliases[0]!}" is also one of ${first!.id}'s`,
      },
    ]);
    // The same alias on an entity of another kind is no conflict.
    expect(issuesAfter((c) => c.organizations[0]!.aliases.push(first!.aliases[0]!))).toEqual([]);
  });

  it('refuses a statement dated after its document was published', () => {
    const published = corpus.documents.find((d) => d.publishedOn !== null)!;
    const claim = corpus.claims.findIndex((c) => c.document === published.id);
    const issues = issuesAfter((c) => (c.claims[claim]!.statedOn = '2030-01-01'));
    expect(issues).toContainEqual({
      file: 'claims.yaml',
      path: `[${claim}].statedOn`,
      message: `2030-01-01 is after the document's publishedOn (${published.publishedOn})`,
    });
  });

  it('refuses an id shared by a person, an organization, a place or an event', () => {
    const issues = issuesAfter((c) => (c.places[0]!.id = c.people[0]!.id));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'places.yaml', path: '[0].id' }));
  });

  it('refuses a file the corpus format does not know', async () => {
    const files = await corpusFiles();
    const read = await readCorpus(memorySource({ ...files, 'organisations.yaml': '[]' }));
    expect(read.issues).toContainEqual(expect.objectContaining({ file: 'organisations.yaml' }));
  });
});
