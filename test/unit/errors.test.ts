/**
 * The error module on its own: the codes, the classes, and the two functions
 * that decide what a client sees (classifyError) and how much of its message
 * (clientMessage). What a client gets through the real handler, in both modes,
 * is pinned in test/integration/client-errors.test.ts.
 */
import { ApolloServerErrorCode, ApolloServerValidationErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as errors from '../../functions/shared/errors.js';
import {
  classifyError,
  clientMessage,
  ConfigurationError,
  ErrorCode,
  KnowledgeBaseError,
  LeaseLostError,
} from '../../functions/shared/errors.js';

describe('ErrorCode', () => {
  it("holds Apollo Server's codes with Apollo's values", () => {
    for (const [name, value] of Object.entries({ ...ApolloServerErrorCode, ...ApolloServerValidationErrorCode }))
      expect(ErrorCode[name as keyof typeof ErrorCode]).toBe(value);
  });
});

describe('error classes', () => {
  it('each extends the base, names itself (minified bundles keep it) and keeps a cause', () => {
    const classes = Object.entries(errors).filter(
      ([, value]) => typeof value === 'function' && value.prototype instanceof KnowledgeBaseError,
    );
    expect(classes.map(([name]) => name).sort()).toMatchInlineSnapshot(`
      [
        "ConfigurationError",
        "InvalidCorpusError",
        "LeaseLostError",
        "OrphansRefusedError",
        "PayloadTooLargeError",
        "PublishConflictError",
        "RefreshLockedError",
        "RefreshOutOfTimeError",
        "ShrinkRefusedError",
      ]
    `);
    for (const [name, value] of classes) {
      // Each constructor takes what its message needs; none needs more than three arguments.
      const instance = new (value as new (...args: unknown[]) => Error)([], 'x', 'y');
      expect(instance.name).toBe(name);
      expect(instance).toBeInstanceOf(Error);
      expect(instance.stack).toBeDefined();
    }
    const cause = new Error('ConditionalCheckFailedException');
    expect(new LeaseLostError('run-1', { cause }).cause).toBe(cause);
  });

  it('names the variable and the value a configuration error refuses', () => {
    expect(new ConfigurationError('KEEP_VERSIONS', 'NaN', 'an integer').message).toMatchInlineSnapshot(
      `"Environment variable KEEP_VERSIONS is "NaN": expected an integer"`,
    );
    expect(new ConfigurationError('CORPUS_BUCKET', undefined, 'a bucket name').message).toMatchInlineSnapshot(
      `"Missing required environment variable CORPUS_BUCKET (a bucket name)"`,
    );
  });
});

describe('clientMessage', () => {
  const suggestion = 'Cannot query field "documnts" on type "Query". Did you mean "documents" or "document"?';

  it('keeps suggestions in development and drops them in production', () => {
    expect(clientMessage(suggestion, false)).toMatchInlineSnapshot(
      `"Cannot query field "documnts" on type "Query". Did you mean "documents" or "document"?"`,
    );
    expect(clientMessage(suggestion, true)).toMatchInlineSnapshot(`"Cannot query field "documnts" on type "Query"."`);
  });

  it('cuts what it quotes of the request, and the whole message', () => {
    expect(clientMessage(`Unknown operation named "${'x'.repeat(500)}".`, true)).toMatchInlineSnapshot(
      `"Unknown operation named "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"."`,
    );
    expect(clientMessage('y'.repeat(1_500), false).length).toBe(1_001);
  });
});

describe('classifyError', () => {
  const at = { message: 'ignored', path: ['documents'] };

  it('passes a client error through with its code and details, without a stack or HTTP internals', () => {
    const error = errors.badUserInput('Invalid cursor for this list.', { argumentName: 'after' });
    const formatted = {
      message: error.message,
      path: ['claims'],
      extensions: { ...error.extensions, stacktrace: ['at x'], http: { status: 400 } },
    };
    expect(classifyError(error, formatted)).toMatchInlineSnapshot(`
      {
        "fault": false,
        "formatted": {
          "extensions": {
            "argumentName": "after",
            "code": "BAD_USER_INPUT",
          },
          "locations": undefined,
          "message": "Invalid cursor for this list.",
          "path": [
            "claims",
          ],
        },
      }
    `);
  });

  it('makes a 4xx without a code (a persisted query whose hash does not match) BAD_REQUEST, not a fault', () => {
    const error = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    expect(classifyError(error, { message: error.message, extensions: error.extensions })).toMatchInlineSnapshot(`
      {
        "fault": false,
        "formatted": {
          "extensions": {
            "code": "BAD_REQUEST",
          },
          "locations": undefined,
          "message": "provided sha does not match query",
          "path": undefined,
        },
      }
    `);
    expect(
      classifyError(error, { message: error.message, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }).fault,
    ).toBe(false);
  });

  it('makes an unreachable or throttling data store SERVICE_UNAVAILABLE, a fault', () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' });
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    expect(classifyError(down, at)).toMatchInlineSnapshot(`
      {
        "fault": true,
        "formatted": {
          "extensions": {
            "code": "SERVICE_UNAVAILABLE",
          },
          "message": "The data store is unavailable right now; retry shortly.",
          "path": [
            "documents",
          ],
        },
      }
    `);
    expect(classifyError(throttled, at)).toEqual(classifyError(down, at));
  });

  it('masks anything else as INTERNAL_SERVER_ERROR, a fault', () => {
    expect(classifyError(new TypeError('secret detail of table v000001#x'), at)).toMatchInlineSnapshot(`
      {
        "fault": true,
        "formatted": {
          "extensions": {
            "code": "INTERNAL_SERVER_ERROR",
          },
          "message": "Internal server error",
          "path": [
            "documents",
          ],
        },
      }
    `);
  });
});
