/**
 * The explorer's CloudFront Function (cloudfront-js-2.0 is a subset of
 * JavaScript that Node runs as is): every view's path gets the page, the
 * hashed assets pass through.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DEEP_LINK_FUNCTION_CODE } from '../../infra/constructs/explorer-site.js';

interface ViewerRequest {
  request: { uri: string; querystring: Record<string, { value: string }> };
}
const handler = runInNewContext(`${DEEP_LINK_FUNCTION_CODE}; handler`) as (
  event: ViewerRequest,
) => ViewerRequest['request'];

const uriFor = (uri: string) => handler({ request: { uri, querystring: {} } }).uri;

describe('the explorer deep-link function', () => {
  it('serves index.html for the root, every view and any unknown path', () => {
    for (const path of ['/', '/search', '/documents/some-id', '/people/x', '/timeline', '/no/such/page']) {
      expect(uriFor(path)).toBe('/index.html');
    }
  });

  it('leaves the hashed assets as they are and keeps the query string', () => {
    expect(uriFor('/explorer-assets/index-abc123.js')).toBe('/explorer-assets/index-abc123.js');
    const request = handler({ request: { uri: '/search', querystring: { q: { value: 'nato' } } } });
    expect(request.querystring).toEqual({ q: { value: 'nato' } });
  });
});
