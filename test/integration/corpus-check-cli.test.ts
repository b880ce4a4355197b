/**
 * `seed/check.ts` as an editor runs it, a child process: it checks the folder
 * it is given (argument or CORPUS_DIR), reports every problem of a broken
 * copy at once with file:line and path, and exits 0 when clean, 1 on an error.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ClaimEntry } from '../../functions/refresh/corpus-schema.js';
import { CORPUS_DIR, RAW_DIR } from '../../seed/paths.js';

const CHECK = fileURLToPath(new URL('../../seed/check.ts', import.meta.url));

interface Run {
  code: number;
  out: string;
}

function check(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const { CORPUS_DIR: _inherited, ...rest } = process.env;
    execFile(
      process.execPath,
      ['--import', 'tsx', CHECK, ...args],
      { env: { ...rest, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : Number(error.code), out: stdout + stderr });
      },
    );
  });
}

let root: string;
let clean: string;
let broken: string;
/** The claim the broken copy gives a mistyped quote, and the line of its entry's quote in claims.yaml. */
let victim: { index: number; id: string; line: number };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kb-check-'));
  clean = join(root, 'clean', 'data');
  broken = join(root, 'broken', 'data');
  for (const copy of ['clean', 'broken']) {
    await cp(CORPUS_DIR, join(root, copy, 'data'), { recursive: true });
    await cp(RAW_DIR, join(root, copy, 'raw'), { recursive: true });
  }
  const claimsText = await readFile(join(broken, 'claims.yaml'), 'utf8');
  const claims = parse(claimsText) as ClaimEntry[];
  const lines = claimsText.split('\n');
  const quoteLineOf = (id: string) => {
    const entry = lines.indexOf(`- id: ${id}`);
    return lines.findIndex((l, i) => i > entry && l.startsWith('  quote:')) + 1;
  };
  // A claim whose quote is written on one line, so that replacing that line leaves valid YAML.
  const index = claims.findIndex((c) => /^ {2}[a-z]+:|^- id:/.test(lines[quoteLineOf(c.id)] ?? ''));
  const claim = claims[index]!;
  victim = { index, id: claim.id, line: quoteLineOf(claim.id) };
  // Four problems in three files: a mistyped quote, an unknown speaker, a draft left in, an impossible date.
  const edited = lines
    .map((l, i) => (i === victim.line - 1 ? `  quote: words that no document contains at all` : l))
    .join('\n')
    .replace(/^ {2}speaker: null$/m, '  speaker: nobody-in-the-corpus')
    .replace(/^ {2}kind: PARAPHRASE$/m, '  kind: PARAPHRASE\n  draft: { rule: reported speech, evidence: said that }');
  await writeFile(join(broken, 'claims.yaml'), edited);
  const events = await readFile(join(broken, 'events.yaml'), 'utf8');
  await writeFile(join(broken, 'events.yaml'), events.replace(/^ {2}date: .*$/m, "  date: '2022-02-30'"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('npm run check', () => {
  it('checks the folder it is given, and exits 0 when it is clean', async () => {
    const run = await check([clean]);
    expect(run.out).toContain(clean);
    expect(run.out).toMatch(/^0 errors, \d+ warnings?$/m);
    expect(run.out).toContain('corpus OK');
    expect(run.code).toBe(0);
  });

  it('reports every problem of a broken copy at once, one line each with file:line and path, and exits 1', async () => {
    const run = await check([broken]);
    expect(run.code).toBe(1);
    expect(run.out).toContain(broken);
    const lines = run.out.split('\n');
    const errorLines = lines.filter((l) => / error: /.test(l));
    expect(errorLines).toEqual(
      expect.arrayContaining([
        `claims.yaml:${victim.line}: error: [${victim.index}].quote (${victim.id}): quote "words that no document contains at all" is not in the document's cleaned text`,
        expect.stringMatching(
          /^claims\.yaml:\d+: error: \[\d+\]\.speaker \([a-z0-9-]+\): unknown person "nobody-in-the-corpus"$/,
        ),
        expect.stringMatching(
          /^claims\.yaml:\d+: error: \[\d+\]\.draft \([a-z0-9-]+\): still a draft: review it and remove `draft`/,
        ),
        expect.stringMatching(/^events\.yaml:\d+: error: \[0\]\.date \([a-z0-9-]+\): .*not a calendar day/),
      ]),
    );
    // The words the mistyped quote dropped are now a quotation no claim covers (when they were one): reported too.
    expect(lines.at(-1)).not.toContain('corpus OK');
    expect(run.out).toMatch(new RegExp(`^${errorLines.length} errors?, \\d+ warnings?$`, 'm'));
  });

  it('reads CORPUS_DIR when no folder is given', async () => {
    const run = await check([], { CORPUS_DIR: broken });
    expect(run.out).toContain(broken);
    expect(run.code).toBe(1);
  });

  it('refuses an unknown option with exit code 2', async () => {
    const run = await check(['--no-such-option']);
    expect(run.code).toBe(2);
    expect(run.out).toMatch(/usage: npm run check/);
  });
});
