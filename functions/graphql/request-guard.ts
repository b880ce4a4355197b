/**
 * Lambda middleware in front of Apollo: refuses oversized bodies before any
 * parsing, and turns the integration's plain-text 4xx answers (a body that is
 * not JSON, a missing query) into GraphQL errors with a code, as clients expect.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { QUERY_LIMITS } from './limits.js';

type Result = APIGatewayProxyStructuredResultV2;

const json = (statusCode: number, message: string, code: string): Result => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
});

function bodyBytes(event: APIGatewayProxyEventV2): number {
  if (event.body === undefined) return 0;
  return event.isBase64Encoded ? Math.floor((event.body.length * 3) / 4) : Buffer.byteLength(event.body);
}

export async function requestGuard(event: APIGatewayProxyEventV2): Promise<Result | ((result: Result) => Promise<void>)> {
  if (bodyBytes(event) > QUERY_LIMITS.maxBodyBytes) {
    return json(413, `Request body is larger than ${QUERY_LIMITS.maxBodyBytes} bytes.`, 'PAYLOAD_TOO_LARGE');
  }
  return async (result) => {
    const status = result.statusCode ?? 200;
    const type = String(result.headers?.['content-type'] ?? '');
    if (status >= 400 && status < 500 && !type.includes('json')) {
      const message = (result.body ?? '').trim() || 'Bad request';
      Object.assign(result, json(status, message, 'BAD_REQUEST'), { headers: { ...result.headers, ...json(status, '', '').headers } });
    }
  };
}
