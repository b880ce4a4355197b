/**
 * The second lock on the function URL (the first is origin access control:
 * Lambda refuses any request CloudFront did not sign, before invoking the
 * function). CloudFront adds the deployment's origin secret to every origin
 * request as ORIGIN_VERIFY_HEADER; a request without the current or an
 * accepted value is refused here with 403. During a rotation both the old and
 * the new value are accepted (scripts/rotate-secret.ts), so no request is
 * refused while CloudFront's edge locations change over.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { SecretSource } from '../data/secret-store.js';
import { ErrorCode } from '../shared/errors.js';
import { ORIGIN_VERIFY_HEADER } from '../shared/http-contract.js';
import { eventHeader } from './lambda-event.js';

type Result = APIGatewayProxyStructuredResultV2;

/** Digests compared in constant time: equal lengths always, and no early exit on the first different byte. */
const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether `sent` is the secret's current value or one it still accepts. */
export async function originSecretMatches(secret: SecretSource, sent: string): Promise<boolean> {
  if (sent === '') return false;
  const { current, accepted } = await secret();
  const mine = digest(sent);
  // Every value is compared, so the time taken does not tell which one matched.
  return [current, ...accepted].map((value) => timingSafeEqual(digest(value), mine)).includes(true);
}

const forbidden: Result = {
  statusCode: 403,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify({
    errors: [{ message: 'Forbidden: call the API through its public URL.', extensions: { code: ErrorCode.FORBIDDEN } }],
  }),
};

/**
 * A middleware that refuses requests without the origin secret; none when `secret` is undefined
 * (the local server, which has no CloudFront in front of it).
 */
export function originCheck(secret: SecretSource | undefined, logger: Logger) {
  return async (event: APIGatewayProxyEventV2): Promise<Result | undefined> => {
    if (secret === undefined) return undefined;
    if (await originSecretMatches(secret, eventHeader(event, ORIGIN_VERIFY_HEADER))) return undefined;
    // Behind origin access control this means a signed caller other than CloudFront, or a rotation gone wrong.
    logger.warn('Request without the origin secret refused', { requestId: event.requestContext.requestId });
    return { ...forbidden, headers: { ...forbidden.headers } };
  };
}
