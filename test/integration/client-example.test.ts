/**
 * The README's front-end example, run as written against the local stack: a
 * generated TypedDocumentNode sent with fetch returns typed corpus data.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { GraphQLRequestError, personProfile, request } from '../../playground/client-example.js';
import {
  TimelineDocument,
  type PersonProfileQuery,
  type TimelineQuery,
} from '../../schema/__generated__/operations.js';
import { startLocalStack, type LocalStack } from '../../scripts/local-stack.js';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ port: 0 });
});
afterAll(() => stack?.close());

describe('the typed fetch client example', () => {
  it('fetches a person with the generated PersonProfile document', async () => {
    // Act
    const person = await personProfile(stack.url, 'ilham-aliyev');

    // Assess
    expectTypeOf(person).toEqualTypeOf<PersonProfileQuery['person']>();
    expect(person?.name).toBe('Ilham Aliyev');
    expect(person?.claims.nodes.length).toBeGreaterThan(0);
    expect(person?.claims.nodes.length).toBeLessThanOrEqual(3);
  });

  it('returns null for an unknown person, as the schema says', async () => {
    expect(await personProfile(stack.url, 'nobody-at-all')).toBeNull();
  });

  it('sends any generated document, typed by its variables and result', async () => {
    // Act
    const data = await request(stack.url, TimelineDocument, { from: '2022-02', to: '2022-02' });

    // Assess
    expectTypeOf(data).toEqualTypeOf<TimelineQuery>();
    expect(data.events.nodes.map((e) => e.id)).toContain('moscow-declaration-signed');
  });

  it('throws GraphQL errors with their codes', async () => {
    // Act
    const failure = request(stack.url, TimelineDocument, { from: 'not-a-date' }).catch((error: unknown) => error);

    // Assess
    const error = await failure;
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect((error as GraphQLRequestError).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
