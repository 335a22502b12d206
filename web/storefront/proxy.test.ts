import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { proxy } from './proxy';

function requestFor(host: string, path = '/') {
  return new NextRequest(`http://${host}${path}`, { headers: { host } });
}

describe('proxy', () => {
  // The default channel map: localhost is the demo store, other hosts are unknown.
  beforeEach(() => vi.stubEnv('STOREFRONT_CHANNELS', ''));
  afterEach(() => vi.unstubAllEnvs());

  it('lets requests for a configured store through', () => {
    const response = proxy(requestFor('localhost:3000', '/c/shoes'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-middleware-next')).toBe('1');
  });

  it('answers an unknown host with a complete 404 page', async () => {
    const response = proxy(requestFor('unknown.localhost:3000'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<h1 data-testid="unknown-store-title">No store is configured for this address</h1>');
    expect(html).not.toContain('<script');
  });
});
