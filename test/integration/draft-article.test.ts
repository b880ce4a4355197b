/**
 * A sixth article, drafted from a fixture of our own (plain text and HTML),
 * reviewed, merged into a temporary copy of the corpus, and served: the
 * refresh loads it, search finds it, the GraphQL API (real handler, local
 * engine) returns it beside every document the corpus files already had.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../functions/refresh/corpus-reader.js';
import { directorySource } from '../../functions/refresh/corpus-source.js';
import { CORPUS_DIR } from '../../seed/paths.js';
import { runDraft } from '../../seed/draft/cli.js';
import { mergeDraft } from '../../seed/draft/merge.js';
import { draftArticle } from '../../seed/draft/draft.js';
import { DraftInputError } from '../../seed/draft/types.js';
import { gql, handlerFor, startEngine, type Handler, type TestEngine } from '../../scripts/harness/local-engine.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/draft/', import.meta.url));
type Entry = Record<string, unknown> & { draft?: { rule: string } };

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'draft-test-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A topic of the corpus's controlled list (seed/data/topics.yaml), given to every drafted claim and event. */
const REVIEWED_TOPIC = 'economy-trade';

/** The reviewer: accepts what was drafted from evidence it agrees with, deletes the rest. */
async function review(dir: string) {
  const accept = (e: Entry) =>
    !(e.draft?.rule ?? '').includes('of no other kind') && (e.kind !== 'DIRECT_QUOTE' || e.speaker !== null);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml') && f !== 'related-claims.yaml');
  const read = async (file: string) => (parse(await readFile(join(dir, file), 'utf8')) ?? []) as Entry[];
  // What the reviewer deletes, the entries it keeps stop referring to.
  const rejected = new Set(
    (await Promise.all(files.map(read)))
      .flat()
      .filter((e) => !accept(e))
      .map((e) => e.id),
  );
  const keep = (ids: unknown) => (ids as string[]).filter((id) => !rejected.has(id));
  for (const file of files) {
    const entries = (await read(file)).map((e) =>
      Array.isArray(e.about)
        ? { ...e, about: keep(e.about) }
        : Array.isArray(e.places)
          ? { ...e, places: keep(e.places) }
          : e,
    );
    const kept = entries
      .filter(accept)
      // Inferred dates wait for the corpus format's `inferred` field: this reviewer leaves them out.
      .filter(
        (e) => !((e.reportedDates as { inferred?: boolean }[] | undefined) ?? []).some((r) => r.inferred === true),
      )
      .map((entry) => {
        const rest: Entry = { ...entry };
        delete rest.draft;
        // The reviewer tags each claim and event with a topic of the corpus's list, as the check asks.
        if (Array.isArray(rest.topics) && rest.topics.length === 0) rest.topics = [REVIEWED_TOPIC];
        const add = rest.add as { reportedDates?: { inferred?: boolean }[] } | undefined;
        if (add?.reportedDates !== undefined) add.reportedDates = add.reportedDates.filter((r) => r.inferred !== true);
        return rest;
      });
    await writeFile(join(dir, file), stringify(kept));
  }
}

const corpusFileCount = async (dir: string) => (await readdir(join(dir, 'documents'))).length;

describe('a drafted sixth article', () => {
  let env: TestEngine;
  let handler: Handler;
  let corpusDir: string;
  let docId: string;

  beforeAll(async () => {
    // Prepare: a copy of the corpus, the fixture drafted against it, reviewed and merged.
    corpusDir = join(tmp, 'corpus');
    await cp(CORPUS_DIR, corpusDir, { recursive: true });
    const draftDir = join(tmp, 'draft-text');
    await runDraft([join(FIXTURES, 'caspian-ferry-talks.txt'), '--out', draftDir, '--corpus', corpusDir]);
    await expect(mergeDraft(draftDir, corpusDir, join(tmp, 'raw'))).rejects.toThrow(/still marked draft/u);
    await review(draftDir);
    docId = await mergeDraft(draftDir, corpusDir, join(tmp, 'raw'));
    env = await startEngine({ corpus: directorySource(corpusDir), searchIndex: true });
    handler = handlerFor(env.ds, { search: env.search });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('merges into a corpus the checks accept, keeping every document the copy had', async () => {
    const { corpus, issues } = await readCorpus(directorySource(corpusDir));
    expect(issues).toEqual([]);
    expect(corpus.documents.map((d) => d.id)).toContain(docId);
    expect(corpus.documents).toHaveLength((await corpusFileCount(CORPUS_DIR)) + 1);
    const aliyev = corpus.people.find((p) => p.id === 'ilham-aliyev');
    expect(aliyev?.mentionedIn).toContain(docId);
    const quote = corpus.claims.find(
      (c) => c.document === docId && c.kind === 'DIRECT_QUOTE' && c.speaker === 'ilham-aliyev',
    );
    expect(quote?.quote).toMatch(/^The Caspian route is a bridge/u);
    expect(corpus.people.find((p) => p.name === 'Samir Gasimov')?.mentionedIn).toEqual([docId]);
    expect(env.seedReport?.status).toBeDefined();
  });

  it('is served by the API with its claims and speakers', async () => {
    const res = await gql(
      handler,
      `query($id: ID!) { document(id: $id) { id title publishedOn { value } authors { name } claims(first: 50) { nodes { kind quote speaker { id } } } } }`,
      { id: docId },
    );
    expect(res.errors).toBeUndefined();
    const doc = res.data!.document as {
      title: string;
      publishedOn: { value: string };
      authors: { name: string }[];
      claims: { nodes: { kind: string; quote: string; speaker: { id: string } | null }[] };
    };
    expect(doc.title).toBe('Caspian ferry talks open a new route between Baku and Aktau');
    expect(doc.publishedOn.value).toBe('2022-03-14');
    expect(doc.authors.map((a) => a.name)).toEqual(['Lena Ortmann']);
    expect(doc.claims.nodes.map((c) => c.speaker?.id)).toContain('ilham-aliyev');
    const all = await gql(handler, '{ documents(first: 100) { totalCount } }');
    expect((all.data!.documents as { totalCount: number }).totalCount).toBe((await corpusFileCount(CORPUS_DIR)) + 1);
  });

  it('is found by search', async () => {
    const res = await gql(
      handler,
      `query($q: String!) { search(query: $q, first: 20) { nodes { node { __typename ... on Document { id } ... on Claim { id } } } } }`,
      { q: 'ferry containers' },
    );
    expect(res.errors).toBeUndefined();
    const ids = (res.data!.search as { nodes: { node: { id: string } }[] }).nodes.map((n) => n.node.id);
    expect(ids).toContain(docId);
  });
});

describe('an article saved as HTML', () => {
  it('drafts the body without the chrome, with the metadata of the page', async () => {
    const { corpus } = await readCorpus(directorySource(CORPUS_DIR));
    const bytes = await readFile(join(FIXTURES, 'caspian-ferry-talks.html'));
    const draft = draftArticle({ name: 'caspian-ferry-talks.html', bytes }, corpus);
    expect(draft.document).toMatchObject({
      title: 'Caspian ferry talks open a new route between Baku and Aktau',
      publisher: 'Harbour Gazette',
      url: 'https://harbour-gazette.example/2022/03/caspian-ferry-talks',
      publishedOn: '2022-03-14',
    });
    expect(draft.people.find((p) => p.id === draft.document.authors[0])?.name).toBe('Lena Ortmann');
    const html = bytes.toString('utf8');
    const pageText = html.replace(/<[^>]+>/gu, ' ').replace(/\s+/gu, ' ');
    for (const paragraph of draft.document.text.split('\n\n')) expect(pageText).toContain(paragraph);
    expect(draft.document.text).not.toMatch(/Subscribe|Most read|Cookie|All rights reserved/u);
    expect(draft.claims.find((c) => c.speaker === 'ilham-aliyev')?.kind).toBe('DIRECT_QUOTE');
    expect(draft.additions.map((a) => a.id)).toEqual(expect.arrayContaining(['ilham-aliyev', 'baku', 'azerbaijan']));
    expect(draft.organizations.map((o) => o.name)).toContain('Silk Road Research Institute');
  });
});

describe('bad input', () => {
  const attempt = async (name: string, content: Buffer | string) => {
    const file = join(tmp, name);
    const out = join(tmp, `out-${name}`);
    await writeFile(file, content);
    const error = await runDraft([file, '--out', out]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DraftInputError);
    await expect(readdir(out)).rejects.toThrow(/ENOENT/u);
    return (error as Error).message;
  };

  it('refuses a file that is neither HTML nor text, writing nothing', async () => {
    expect(await attempt('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toMatch(
      /neither HTML nor text/u,
    );
  });
  it('refuses an empty article', async () => {
    expect(await attempt('empty.txt', '  \n\n ')).toMatch(/empty/u);
  });
  it('refuses a page with no article body', async () => {
    expect(
      await attempt('chrome.html', '<html><body><nav><a href="/">Home</a></nav><footer>Contact</footer></body></html>'),
    ).toMatch(/no article body/u);
  });
  it('refuses an article the corpus already has', async () => {
    const { corpus } = await readCorpus(directorySource(CORPUS_DIR));
    const first = corpus.documents[0]!;
    const raw = await readFile(fileURLToPath(new URL(`../../seed/raw/${first.source}`, import.meta.url)));
    expect(await attempt('again.txt', raw)).toMatch(new RegExp(`already in the corpus: document ${first.id}`, 'u'));
  });
});
