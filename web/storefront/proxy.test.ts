import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { seal, SESSION_COOKIE, unseal, type Session } from './lib/session';
import { json, startFakeGateway, unusedGatewayUrl, type FakeGateway } from './lib/testing/fake-gateway';
import { startFakeIdentity, type FakeIdentity, type TokenAnswer } from './lib/testing/fake-identity';
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

describe('proxy on account pages', () => {
  const SECRET = 'a-session-secret-of-at-least-32-characters';
  let identity: FakeIdentity;
  let tokenAnswer: TokenAnswer;

  const session = (refreshToken: string, expiresIn: number): Session => ({
    accessToken: 'old-access',
    accessTokenExpiresAt: Date.now() + expiresIn,
    refreshToken,
    idToken: 'id',
    sub: 'u1',
    email: 'shopper@example.com',
    csrfToken: 'csrf',
  });

  const accountRequest = (value: Session) =>
    new NextRequest('http://localhost:3000/account', {
      headers: { host: 'localhost:3000', cookie: `${SESSION_COOKIE}=${seal(SESSION_COOKIE, value, SECRET, 3_600)}` },
    });

  const tokenForms = () => identity.received.map((request) => request.form);

  beforeAll(async () => {
    identity = await startFakeIdentity();
    identity.answerTokens(() => tokenAnswer);
  });

  afterAll(() => identity.close());

  beforeEach(() => {
    gateway.reset();
    gateway.answer((response, request) =>
      json(response, 200, {
        data: {
          storefrontChannel: {
            host: String(request.body.variables?.host),
            merchant: { id: 'm1', name: 'Acme Outfitters', defaultCurrency: 'USD', status: 'ACTIVE' },
          },
        },
      }),
    );
    identity.received.length = 0;
    tokenAnswer = { status: 200, body: { access_token: 'new-access', token_type: 'Bearer', refresh_token: 'rotated', expires_in: 600 } };
    vi.stubEnv('GATEWAY_URL', gateway.url);
    vi.stubEnv('IDENTITY_URL', identity.url);
    vi.stubEnv('STOREFRONT_CLIENT_SECRET', 'client-secret');
    vi.stubEnv('SESSION_SECRET', SECRET);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('renews an access token about to expire and stores the rotated refresh token', async () => {
    const response = await proxy(accountRequest(session('refresh-1', 30_000)));

    expect(response.headers.get('x-middleware-next')).toBe('1');
    expect(tokenForms()).toEqual([expect.objectContaining({ grant_type: 'refresh_token', refresh_token: 'refresh-1' })]);
    const cookie = response.cookies.get(SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'lax' });
    expect(unseal<Session>(SESSION_COOKIE, cookie?.value, SECRET)).toMatchObject({
      accessToken: 'new-access',
      refreshToken: 'rotated',
      email: 'shopper@example.com',
    });
    // The page or action behind the proxy sees the renewed session as well.
    expect(response.headers.get('x-middleware-set-cookie')).toContain(`${SESSION_COOKIE}=`);
  });

  it('leaves a fresh session alone', async () => {
    const response = await proxy(accountRequest(session('refresh-2', 300_000)));
    expect(tokenForms()).toEqual([]);
    expect(response.cookies.get(SESSION_COOKIE)).toBeUndefined();
  });

  it('ends the session when Identity refuses the refresh token', async () => {
    tokenAnswer = { status: 400, body: { error: 'invalid_grant' } };
    const response = await proxy(accountRequest(session('refresh-3', -1_000)));
    expect(response.cookies.get(SESSION_COOKIE)?.value).toBe('');
  });

  it('renews nothing on catalog pages', async () => {
    const request = accountRequest(session('refresh-4', -1_000));
    await proxy(new NextRequest('http://localhost:3000/c/shoes', { headers: request.headers }));
    expect(tokenForms()).toEqual([]);
  });
});

describe('proxy security headers', () => {
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
    vi.stubEnv('IDENTITY_URL', 'http://127.0.0.1:5103');
    vi.stubEnv('IDENTITY_PUBLIC_URL', 'https://id.example.com/');
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  const policyOf = (response: Response) =>
    Object.fromEntries(
      (response.headers.get('content-security-policy') ?? '')
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .filter(([name]) => name)
        .map(([name, ...sources]) => [name, sources]),
    );

  function expectSecurityHeaders(response: Response) {
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const policy = policyOf(response);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['form-action']).toEqual(["'self'", 'https://id.example.com']);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'self'"]);
    expect(policy['script-src']).toEqual(expect.arrayContaining(["'strict-dynamic'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/]{22}==/)]));
    expect(policy['script-src']).not.toContain("'unsafe-inline'");
    return policy;
  }

  it('sends the headers and a fresh nonce on every page, and hands the nonce to the render', async () => {
    const first = await proxy(requestFor('localhost:3000', '/c/shoes'));
    const second = await proxy(requestFor('localhost:3000', '/c/shoes'));
    const nonce = /'nonce-([^']+)'/.exec(expectSecurityHeaders(first)['script-src'].join(' '))![1];
    expectSecurityHeaders(second);
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);
    // What the page render sees as request headers: Next takes the nonce for its scripts from the policy.
    expect(first.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(first.headers.get('content-security-policy'));
  });

  it.each([
    ['an unknown store', 'unknown.localhost:3000', 404],
    ['a suspended store', 'closed.localhost:3000', 503],
  ])('sends them on the page for %s, whose styles carry the nonce', async (_, host, status) => {
    const response = await proxy(requestFor(host));
    expect(response.status).toBe(status);
    const nonce = /'nonce-([^']+)'/.exec(expectSecurityHeaders(response)['style-src'].join(' '))![1];
    const html = await response.text();
    expect(html.match(/<style[^>]*>/g)).toEqual([`<style nonce="${nonce}">`]);
  });

  it('sends them when the store cannot be looked up', async () => {
    vi.stubEnv('GATEWAY_URL', await unusedGatewayUrl());
    const response = await proxy(requestFor('unreachable-again.localhost:3000'));
    expect(response.status).toBe(503);
    expectSecurityHeaders(response);
  });

  it('sends them on account pages, where the session is renewed', async () => {
    expectSecurityHeaders(await proxy(requestFor('localhost:3000', '/account')));
  });
});
