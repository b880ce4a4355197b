/**
 * The one cursor codec. A cursor names the list that issued it, the version
 * the page was read from and the position after its item; it travels sealed,
 * as `<key id>.<sealed bytes, base64url>`, so that a client can neither read
 * nor alter it. The seal is pluggable: a codec seals with its first seal and
 * opens with whichever of its seals the cursor's key id names, so a key is
 * rotated by deploying the new one first and the old one after it, and the
 * cipher can change without touching a caller.
 */
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import type { SecretSource, SecretValues } from '../data/secret-store.js';
import { invalidCursor, type PagePosition } from '../shared/page-position.js';

/** Seals and opens a cursor's bytes with one key, named by its id. */
export interface CursorSeal {
  /** Written in the clear before the sealed bytes: 1 to 16 characters of [A-Za-z0-9_-]. */
  readonly keyId: string;
  seal(plain: Buffer): Buffer;
  /** The plain bytes; undefined when they were not sealed with this key, or were altered. */
  open(sealed: Buffer): Buffer | undefined;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;

const derive = (secret: string, purpose: string, bytes: number) =>
  Buffer.from(hkdfSync('sha256', secret, 'knowledge-base cursors', purpose, bytes));

/**
 * AES-256-GCM with keys derived from a secret with HKDF; the key id is derived
 * too (or given) and authenticated with the bytes. The nonce is an HMAC of the
 * plain bytes (a synthetic IV): the same page always gets the same cursor, as
 * a strong ETag over a cached answer requires, and two different cursors share
 * a nonce only by a 96-bit collision.
 */
export function aesGcmSeal(secret: string, options: { keyId?: string } = {}): CursorSeal {
  const keyId = options.keyId ?? derive(secret, 'key id', 3).toString('base64url');
  if (!KEY_ID.test(keyId)) throw new Error(`A cursor key id must match ${String(KEY_ID)} (got "${keyId}").`);
  const key: KeyObject = createSecretKey(derive(secret, 'aes-256-gcm key', 32));
  const nonceKey: KeyObject = createSecretKey(derive(secret, 'nonce key', 32));
  const aad = Buffer.from(keyId);
  return {
    keyId,
    seal(plain) {
      const iv = createHmac('sha256', nonceKey).update(plain).digest().subarray(0, IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES }).setAAD(aad);
      return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    },
    open(sealed) {
      if (sealed.length < IV_BYTES + TAG_BYTES) return undefined;
      const iv = sealed.subarray(0, IV_BYTES);
      const tag = sealed.subarray(sealed.length - TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES }).setAAD(aad);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
      } catch {
        return undefined;
      }
    },
  };
}

/** What a cursor says. */
export interface Cursor {
  /** The version the page was read from: a request that carries the cursor is answered from it. */
  version: number;
  /** The list that issued it (a field and its arguments); no other list accepts it. */
  list: string;
  position: PagePosition;
}

/** A cursor on the wire, before sealing: `[version, list, key or offset]`, compact JSON. */
type WireCursor = [number, string, Record<string, string> | number];

const toWire = ({ version, list, position }: Cursor): WireCursor => [
  version,
  list,
  'key' in position ? position.key : position.offset,
];
const fromWire = ([version, list, at]: WireCursor): Cursor => ({
  version,
  list,
  position: typeof at === 'number' ? { offset: at } : { key: at },
});

/** Longer than any cursor this codec issues: a longer string is refused before any work. */
const MAX_CURSOR_LENGTH = 8192;

let wireSchema: Promise<typeof import('./cursor-schema.js')> | undefined;
/** zod loads with the first cursor an instance reads: a request without cursors, a cold start's first among them, needs none. */
const loadWireSchema = () => (wireSchema ??= import('./cursor-schema.js'));

/** The cursors of one request: issued with, and accepted only for, the version the request reads. */
export interface Cursors {
  encode(list: string, position: PagePosition): Promise<string>;
  /** The position of a cursor this list issued for the request's version; else the invalid-cursor error. */
  decode(cursor: string, list: string): Promise<PagePosition>;
}

/** Makes and reads the deployment's cursors. Built once at start-up. */
export class CursorCodec {
  private readonly sealing: CursorSeal;
  private readonly byKeyId: ReadonlyMap<string, CursorSeal>;

  /** `seals[0]` seals new cursors; every one of them opens the cursors it sealed. */
  constructor(seals: readonly [CursorSeal, ...CursorSeal[]]) {
    this.sealing = seals[0];
    this.byKeyId = new Map(seals.map((s) => [s.keyId, s]));
    if (this.byKeyId.size !== seals.length) throw new Error('Two cursor seals share a key id.');
  }

  /** A codec over AES-GCM seals of the current secret and the previous ones still accepted. */
  static fromSecrets(current: string, previous: readonly string[] = []): CursorCodec {
    return new CursorCodec([aesGcmSeal(current), ...previous.map((s) => aesGcmSeal(s))]);
  }

  encode(cursor: Cursor): string {
    const sealed = this.sealing.seal(Buffer.from(JSON.stringify(toWire(cursor))));
    return `${this.sealing.keyId}.${sealed.toString('base64url')}`;
  }

  /** The cursor, when this deployment sealed it for `list`; else the invalid-cursor error. */
  async decode(cursor: string, list: string): Promise<Cursor> {
    const read = await this.read(cursor);
    if (read?.list !== list) throw invalidCursor();
    return read;
  }

  /** The version a cursor was issued for; undefined when it is not a cursor of this deployment. */
  async versionOf(cursor: string): Promise<number | undefined> {
    return (await this.read(cursor))?.version;
  }

  /** The cursors of a request that reads `version`. */
  forVersion(version: number): Cursors {
    return {
      encode: (list, position) => Promise.resolve(this.encode({ version, list, position })),
      decode: async (text, list) => {
        const cursor = await this.decode(text, list);
        // The request's version comes from its cursors, so this holds unless a cursor escaped that check.
        if (cursor.version !== version) throw invalidCursor();
        return cursor.position;
      },
    };
  }

  private async read(cursor: string): Promise<Cursor | undefined> {
    if (cursor.length > MAX_CURSOR_LENGTH) return undefined;
    const dot = cursor.indexOf('.');
    const seal = this.byKeyId.get(cursor.slice(0, dot));
    if (dot < 0 || seal === undefined) return undefined;
    const plain = seal.open(Buffer.from(cursor.slice(dot + 1), 'base64url'));
    if (plain === undefined) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(plain.toString('utf8'));
    } catch {
      return undefined;
    }
    const wire = (await loadWireSchema()).wireCursorSchema.safeParse(parsed);
    return wire.success ? fromWire(wire.data) : undefined;
  }
}

/** The deployment's codec, made from its key secret when a request first needs it. */
export type CursorCodecSource = () => Promise<CursorCodec>;

/**
 * The codec of the cursor secret's values: the current one seals, the previous and pending
 * ones still open. Built on the first cursor an instance makes or reads, and rebuilt only when
 * a rotation changes the values (the source hands back the same object until then).
 */
export function cursorCodecs(secret: SecretSource): CursorCodecSource {
  let made: { values: SecretValues; codec: CursorCodec } | undefined;
  return async () => {
    const values = await secret();
    if (made?.values !== values) made = { values, codec: CursorCodec.fromSecrets(values.current, values.accepted) };
    return made.codec;
  };
}
