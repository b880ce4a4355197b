import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** A header of an API Gateway event (HTTP API v2 lower-cases header names), or '' when absent. */
export function eventHeader(event: APIGatewayProxyEventV2, name: string): string {
  // The event comes from outside: a hand-made or partial one may lack what its type promises.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  return event.headers?.[name] ?? '';
}
