import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, startFakeGateway, unusedGatewayUrl, type FakeGateway } from './lib/testing/fake-gateway';
import { proxy } from './proxy';

function requestFor(host: string, path = '/') {
  return new NextRequest(`http://${host}${path}`, { headers: { host } });
}

const STORES: Record<string, { name: string; status: 'ACTIVE' | 'SUSPENDED' }> = {
  localhost: { name: 'Acme Outfitters', status: 'ACTIVE' },
  'closed.localhost': { name: 'Closed & Co', status: 'SUSPENDED' },
};

let gateway: FakeGateway;

beforeAll(async () => {
  gateway = await startFakeGateway();
});

afterAll(() => gateway.close());

describe('proxy', () => {
  beforeEach(() => {
    gateway.reset();
    gateway.answer((response, request) => {
      const host = String(request.body.variables?.host);
      const store = STORES[host];
      json(response, 200, {
        data: {
          storefrontChannel: store
            ? { host, merchant: { id: `${host}-id`, name: store.name, defaultCurrency: 'USD', status: store.status } }
            : null,
        },
      });
    });
    vi.stubEnv('GATEWAY_URL', gateway.url);
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('lets requests for an open store through', async () => {
    const response = await proxy(requestFor('localhost:3000', '/c/shoes'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-middleware-next')).toBe('1');
  });

  it('answers an unknown host with a complete 404 page', async () => {
    const response = await proxy(requestFor('unknown.localhost:3000'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<h1 data-testid="unknown-store-title">No store is configured for this address</h1>');
    expect(html).not.toContain('<script');
  });

  it('answers a suspended store with a complete 503 page naming the store', async () => {
    const response = await proxy(requestFor('closed.localhost:3000', '/p/anything'));
    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('<h1 data-testid="store-unavailable-title">This store is temporarily unavailable</h1>');
    expect(html).toContain('Closed &amp; Co');
    expect(html).not.toContain('<script');
    // One lookup of the host, and nothing else: no catalog query for a closed store.
    expect(gateway.received.map((request) => request.body.operationName)).toEqual(['StorefrontChannel']);
  });

  it('answers with a friendly 503 page and logs when the gateway is unreachable', async () => {
    vi.stubEnv('GATEWAY_URL', await unusedGatewayUrl());

    // A host no earlier test asked for: the proxy remembers answers for a few seconds.
    const response = await proxy(requestFor('unreachable.localhost:3000'));

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBeTruthy();
    const html = await response.text();
    expect(html).toContain('<h1 data-testid="error-title">The shop is temporarily unavailable</h1>');
    expect(html).not.toContain('<script');
    expect(console.error).toHaveBeenCalled();
  });
});
