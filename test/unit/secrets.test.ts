/**
 * The secrets of the GraphQL function with injected values (nothing here can
 * call AWS): the cache and its overlap of staging labels, the origin check
 * accepting the current and the previous or pending value and nothing else,
 * cursors opened across a rotation, and the rotation procedures' order.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import { cachedSecret, fixedSecret, SECRET_CACHE_MS, type StageReader } from '../../functions/data/secret-store.js';
import { CursorCodec, cursorCodecs } from '../../functions/graphql/cursor-codec.js';
import { originCheck, originSecretMatches } from '../../functions/graphql/origin-check.js';
import { ORIGIN_VERIFY_HEADER } from '../../functions/shared/http-contract.js';
import { cursorRotation, formatSteps, originRotation } from '../../scripts/rotate-secret.js';

type Stage = Parameters<StageReader>[0];

/** A secret's staging labels as Secrets Manager keeps them, changed by the test as a rotation would. */
function stagedSecret(initial: Partial<Record<Stage, string>>) {
  const labels = { ...initial };
  let reads = 0;
  const read: StageReader = (stage) => {
    reads++;
    return Promise.resolve(labels[stage]);
  };
  return { labels, read, reads: () => reads };
}

const event = (headers: Record<string, string>) =>
  ({ headers, requestContext: { requestId: 'r', http: { method: 'GET' } } }) as unknown as APIGatewayProxyEventV2;
const quiet = new Logger({ logLevel: 'SILENT' });

describe('cached secret', () => {
  it('reads the three labels once, then serves them from the cache until it is old', async () => {
    // Prepare
    let clock = 0;
    const secret = stagedSecret({ AWSCURRENT: 'b', AWSPREVIOUS: 'a' });
    const source = cachedSecret(secret.read, SECRET_CACHE_MS, () => clock);

    // Act
    const first = await source();
    const again = await source();
    secret.labels.AWSPENDING = 'c';
    clock = SECRET_CACHE_MS - 1;
    const beforeExpiry = await source();
    clock = SECRET_CACHE_MS;
    const afterExpiry = await source();

    // Assess
    expect(first).toEqual({ current: 'b', accepted: ['a'] });
    expect(again).toBe(first);
    expect(beforeExpiry).toBe(first);
    expect(afterExpiry).toEqual({ current: 'b', accepted: ['a', 'c'] });
    expect(secret.reads()).toBe(6);
  });

  it('keeps the same object while the values do not change, so a codec is built once', async () => {
    let clock = 0;
    const source = cachedSecret(stagedSecret({ AWSCURRENT: 'k' }).read, 10, () => clock);
    const first = await source();
    clock = 100;
    expect(await source()).toBe(first);
  });

  it('does not cache a failed first read, and keeps serving good values when a re-read fails', async () => {
    // Prepare
    let clock = 0;
    let failing = true;
    const read: StageReader = (stage) =>
      failing
        ? Promise.reject(new Error('Secrets Manager unavailable'))
        : Promise.resolve(stage === 'AWSCURRENT' ? 'k' : undefined);
    const source = cachedSecret(read, 10, () => clock);

    // Act, Assess
    await expect(source()).rejects.toThrow('unavailable');
    failing = false;
    expect(await source()).toEqual({ current: 'k', accepted: [] });
    failing = true;
    clock = 100;
    expect(await source()).toEqual({ current: 'k', accepted: [] });
  });

  it('refuses a secret without a current value', async () => {
    await expect(cachedSecret(stagedSecret({ AWSPREVIOUS: 'a' }).read)()).rejects.toThrow(/AWSCURRENT/);
  });
});

describe('origin check', () => {
  const secret = fixedSecret('current-value', ['previous-value']);

  it('accepts the current and the accepted value, nothing else', async () => {
    expect(await originSecretMatches(secret, 'current-value')).toBe(true);
    expect(await originSecretMatches(secret, 'previous-value')).toBe(true);
    for (const sent of ['', 'current-valu', 'current-value ', 'CURRENT-VALUE', 'older-value'])
      expect(await originSecretMatches(secret, sent), sent).toBe(false);
  });

  it('answers a request without the header 403 FORBIDDEN, never cached, and lets the right one through', async () => {
    const check = originCheck(secret, quiet);
    const refused = await check(event({}));
    const wrong = await check(event({ [ORIGIN_VERIFY_HEADER]: 'guess' }));
    expect(refused).toMatchObject({ statusCode: 403, headers: { 'cache-control': 'no-store' } });
    expect(JSON.parse(refused?.body ?? '')).toEqual({
      errors: [{ message: expect.stringContaining('Forbidden'), extensions: { code: 'FORBIDDEN' } }],
    });
    expect(wrong?.statusCode).toBe(403);
    expect(await check(event({ [ORIGIN_VERIFY_HEADER]: 'previous-value' }))).toBeUndefined();
  });

  it('checks nothing where no origin secret is configured (the local server)', async () => {
    expect(await originCheck(undefined, quiet)(event({}))).toBeUndefined();
  });

  it('follows a rotation: the new value is accepted while pending, the old one while previous', async () => {
    // Prepare
    let clock = 0;
    const staged = stagedSecret({ AWSCURRENT: 'old' });
    const source = cachedSecret(staged.read, 10, () => clock);
    const tick = () => (clock += 10);

    // Act, Assess: stage, promote, then the next rotation.
    expect(await originSecretMatches(source, 'new')).toBe(false);
    staged.labels.AWSPENDING = 'new';
    tick();
    expect(await originSecretMatches(source, 'new')).toBe(true);
    Object.assign(staged.labels, { AWSCURRENT: 'new', AWSPREVIOUS: 'old', AWSPENDING: undefined });
    tick();
    expect(await originSecretMatches(source, 'old')).toBe(true);
    expect(await originSecretMatches(source, 'new')).toBe(true);
    Object.assign(staged.labels, { AWSCURRENT: 'newer', AWSPREVIOUS: 'new' });
    tick();
    expect(await originSecretMatches(source, 'old')).toBe(false);
  });
});

describe('cursor key from the secret', () => {
  const cursor = { version: 7, list: 'people', position: { offset: 20 } };

  it('seals with the current value and opens cursors of the previous one until it is dropped', async () => {
    // Prepare
    let clock = 0;
    const staged = stagedSecret({ AWSCURRENT: 'old-key' });
    const codecs = cursorCodecs(cachedSecret(staged.read, 10, () => clock));
    const sealedWithOld = (await codecs()).encode(cursor);

    // Act: rotate (promote a new key), then rotate again.
    Object.assign(staged.labels, { AWSCURRENT: 'new-key', AWSPREVIOUS: 'old-key' });
    clock = 10;
    const during = await codecs();
    Object.assign(staged.labels, { AWSCURRENT: 'newer-key', AWSPREVIOUS: 'new-key' });
    clock = 20;
    const after = await codecs();

    // Assess
    expect(await during.decode(sealedWithOld, 'people')).toEqual(cursor);
    expect(during.encode(cursor)).toEqual(CursorCodec.fromSecrets('new-key').encode(cursor));
    await expect(after.decode(sealedWithOld, 'people')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('builds the codec once while the values stay the same', async () => {
    const codecs = cursorCodecs(fixedSecret('k'));
    expect(await codecs()).toBe(await codecs());
  });
});

describe('rotation procedures', () => {
  const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:OriginSecret-AbCdEf';
  const at = (steps: { commands: string[] }[], text: string) =>
    steps.findIndex((s) => s.commands.join('\n').includes(text));

  it('origin: stages the new value, waits for every cache, deploys CloudFront with it, then promotes it', () => {
    const steps = originRotation({ secretArn: arn, distributionId: 'E2EXAMPLE' });
    const staged = at(steps, '--version-stages AWSPENDING');
    const waited = at(steps, `sleep ${SECRET_CACHE_MS / 1000}`);
    const deployed = at(steps, '-c originSecretVersion="$NEW"');
    const promoted = at(steps, '--version-stage AWSCURRENT --move-to-version-id "$NEW"');
    expect([staged, waited, deployed, promoted].every((i) => i >= 0)).toBe(true);
    expect(staged).toBeLessThan(waited);
    expect(waited).toBeLessThan(deployed);
    expect(deployed).toBeLessThan(promoted);
    expect(formatSteps('origin', steps)).toContain('aws cloudfront wait distribution-deployed --id E2EXAMPLE');
  });

  it('cursor: promotes only after every cache accepts the new key, and names when the old key may go', () => {
    const steps = cursorRotation(
      { secretArn: arn, keepVersions: 3, refreshHours: 24 },
      new Date('2026-12-07T00:00:00Z'),
    );
    expect(at(steps, 'sleep')).toBeLessThan(at(steps, '--version-stage AWSCURRENT'));
    expect(steps.at(-1)?.title).toContain('2026-12-10T00:05:00.000Z');
  });
});
