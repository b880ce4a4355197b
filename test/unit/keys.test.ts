/** Key values are built in one place, functions/data/keys.ts, and nowhere else. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/data/keys.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KEYS_MODULE = 'functions/data/keys.ts';

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** What a key literal looks like: a quoted marker keys.ts builds values from, or the entity sort key written out. */
const KEY_LITERAL = /['"`](#META|#LOCK|EVENT#|DATES#|ABOUT#|PAIR|DATE#)|\bsk\b\s*(:|===?)\s*['"`]#['"`]/;

describe('keys', () => {
  it('are written as literals only in the keys module', () => {
    const offenders = ['functions', 'scripts', 'bench', 'seed', 'infra']
      .flatMap(sources)
      .filter((file) => file !== KEYS_MODULE)
      .flatMap((file) =>
        readFileSync(join(ROOT, file), 'utf8')
          .split('\n')
          .map((line, i) => ({ file, line: i + 1, text: line }))
          .filter(({ text }) => KEY_LITERAL.test(text) && !/^\s*(\/\/|\/?\*)/.test(text)),
      );
    expect(offenders.map((o) => `${o.file}:${o.line}: ${o.text.trim()}`)).toEqual([]);
  });

  it('catch a literal where one is written', () => {
    expect(KEY_LITERAL.test("{ pk: id, sk: '#' }")).toBe(true);
    expect(KEY_LITERAL.test("if (item.sk === '#') return;")).toBe(true);
    expect(KEY_LITERAL.test('ref: `EVENT#${id}`,')).toBe(true);
    expect(KEY_LITERAL.test("{ pk: '#META', sk: '#COUNT' }")).toBe(true);
    // Expression attribute names and URL fragments are not keys.
    expect(KEY_LITERAL.test('names[`#${attr}`] = attr;')).toBe(false);
    expect(KEY_LITERAL.test("url.split('#')[0]")).toBe(false);
  });

  it('build values the parsers read back', () => {
    expect(keys.idOfOrder(keys.claimOrder('doc-a', 42, 'claim-b'))).toBe('claim-b');
    expect(keys.idOfOrder(keys.eventOrder('2022-02-22', 'event-c'))).toBe('event-c');
    expect(keys.idOfOrder('no-separator')).toBeUndefined();
    expect(keys.isEventListSk(keys.eventDate('e', '2022-02').sk, true)).toBe(true);
    expect(keys.isEventListSk(keys.entity('events', 'e').sk, false)).toBe(true);
    expect(keys.isEventListSk(keys.entity('events', 'e').sk, true)).toBe(false);
    expect(keys.isEntity({ ...keys.entity('claims', 'c') }, 'claims')).toBe(true);
    expect(keys.isMeta({ ...keys.current() }, 'documents')).toBe(true);
    // Orders sort as their lists read: claims by position in the document, events by start day.
    expect(keys.claimOrder('d', 9, 'x') < keys.claimOrder('d', 10, 'a')).toBe(true);
  });
});
