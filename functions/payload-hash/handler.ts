/**
 * Lambda@Edge on the API's origin requests. Origin access control signs every
 * request CloudFront sends to the function URL (SigV4), and Lambda takes no
 * unsigned payload: a request with a body must name the body's SHA-256 in
 * `x-amz-content-sha256`, or Lambda refuses it 403 before the function runs.
 * Browsers, codegen, Rover, Postman and curl send no such header, so this
 * function hashes the body CloudFront exposes to it (the association's
 * include-body option) and sets the header before CloudFront signs. A request
 * without a body (GET, HEAD, a preflight) passes unchanged.
 *
 * Lambda@Edge exposes at most 1 MB of an origin request's body and cuts the
 * rest (`inputTruncated`): such a body cannot be hashed, so it is refused here
 * with the API's 413 rather than forwarded with a hash Lambda would refuse.
 *
 * Lambda@Edge has no environment variables and bills every millisecond at
 * three times Lambda's rate: node:crypto only, no dependency, no set-up.
 */
import { createHash } from 'node:crypto';
import type {
  CloudFrontHeaders,
  CloudFrontRequest,
  CloudFrontRequestEvent,
  CloudFrontRequestResult,
  CloudFrontResultResponse,
} from 'aws-lambda';
import { PAYLOAD_HASH_HEADER } from '../shared/http-contract.js';

/** The most of an origin request's body Lambda@Edge exposes; a longer one arrives cut, `inputTruncated` set. */
export const EXPOSED_BODY_LIMIT_BYTES = 1024 * 1024;

/** The API's code for a body over its limit (functions/shared/errors.ts ErrorCode.PAYLOAD_TOO_LARGE), written out: no import of the error module here. */
export const PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE';

/** Methods whose requests carry a body CloudFront exposes with include-body. */
const METHODS_WITH_BODY: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const header = (key: string, value: string): CloudFrontHeaders[string] => [{ key, value }];

/** The API's error shape, answered by CloudFront: the function is never invoked. */
const tooLarge = (): CloudFrontResultResponse => ({
  status: '413',
  statusDescription: 'Payload Too Large',
  headers: {
    'content-type': header('Content-Type', 'application/json; charset=utf-8'),
    'cache-control': header('Cache-Control', 'no-store'),
  },
  body: JSON.stringify({
    errors: [
      {
        message: `Request body is larger than ${EXPOSED_BODY_LIMIT_BYTES} bytes.`,
        extensions: { code: PAYLOAD_TOO_LARGE },
      },
    ],
  }),
});

/** The request as CloudFront should sign it, or CloudFront's own answer when its body cannot be hashed. */
export function signableRequest(request: CloudFrontRequest): CloudFrontRequest | CloudFrontResultResponse {
  if (!METHODS_WITH_BODY.has(request.method)) return request;
  const body = request.body;
  if (body?.inputTruncated === true) return tooLarge();
  // Without include-body there is no `body` at all: the CDK stack always sets it (test/infra asserts it).
  const bytes = Buffer.from(body?.data ?? '', body?.encoding === 'text' ? 'utf8' : 'base64');
  // Whatever hash a viewer sent is replaced: only the body's own reaches the signature.
  request.headers[PAYLOAD_HASH_HEADER] = header(PAYLOAD_HASH_HEADER, createHash('sha256').update(bytes).digest('hex'));
  return request;
}

export function handler(event: CloudFrontRequestEvent): Promise<CloudFrontRequestResult> {
  const record = event.Records[0];
  if (record === undefined) throw new Error('origin-request event without a record');
  return Promise.resolve(signableRequest(record.cf.request));
}
