import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthConfigurationError,
  authorizeUrl,
  decodeIdToken,
  endSessionUrl,
  exchangeCode,
  localReturnPath,
  OidcError,
  oidcClientFromEnvironment,
  pkceChallenge,
  randomToken,
  refreshTokens,
  revokeRefreshToken,
  sameSecret,
  type OidcClient,
} from './oidc';

const CLIENT: OidcClient = {
  identityUrl: 'http://127.0.0.1:5103',
  publicUrl: 'https://id.example.com',
  clientId: 'storefront',
  clientSecret: 'client-secret',
  timeoutMs: 2_000,
};

const jwt = (claims: Record<string, unknown>) =>
  ['{"alg":"RS256"}', JSON.stringify(claims)].map((part) => Buffer.from(part).toString('base64url')).join('.') + '.signature';

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of 43 unreserved characters, never the same twice', () => {
    const verifier = randomToken();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(verifier);
  });
});

describe('authorizeUrl', () => {
  const request = {
    redirectUri: 'http://localhost:3000/auth/callback',
    state: 'the-state',
    nonce: 'the-nonce',
    codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  };

  it('sends the browser to the public authorize endpoint with code, PKCE and the scopes', () => {
    const url = new URL(authorizeUrl(CLIENT, request));
    expect(`${url.origin}${url.pathname}`).toBe('https://id.example.com/connect/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'storefront',
      response_type: 'code',
      redirect_uri: 'http://localhost:3000/auth/callback',
      scope: 'openid email offline_access',
      state: 'the-state',
      nonce: 'the-nonce',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    expect(url.search).toContain('scope=openid%20email%20offline_access');
  });

  it('asks for the sign-up page with prompt=create', () => {
    expect(new URL(authorizeUrl(CLIENT, { ...request, prompt: 'create' })).searchParams.get('prompt')).toBe('create');
    expect(new URL(authorizeUrl(CLIENT, request)).searchParams.has('prompt')).toBe(false);
  });

  it('ends the session at Identity with the id token as hint and the store home as way back', () => {
    const url = new URL(endSessionUrl(CLIENT, 'http://localhost:3000/', 'id.token'));
    expect(`${url.origin}${url.pathname}`).toBe('https://id.example.com/connect/endsession');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'storefront',
      post_logout_redirect_uri: 'http://localhost:3000/',
      id_token_hint: 'id.token',
    });
  });
});

describe('localReturnPath', () => {
  it.each([
    ['/account', '/account'],
    ['/p/trail-runner?size=M#reviews', '/p/trail-runner?size=M#reviews'],
    ['/c/shoes/../../account', '/account'],
  ])('keeps the local path %j', (value, expected) => {
    expect(localReturnPath(value)).toBe(expected);
  });

  it.each([
    null,
    '',
    'account',
    'https://evil.example/account',
    '//evil.example/account',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
  ])('falls back to /account for %j', (value) => {
    expect(localReturnPath(value)).toBe('/account');
  });

  it('falls back for absurdly long paths', () => {
    expect(localReturnPath(`/${'a'.repeat(2_001)}`)).toBe('/account');
  });
});

describe('decodeIdToken', () => {
  it('reads subject, email, merchant, nonce and audience', () => {
    const claims = decodeIdToken(jwt({ sub: 'u1', email: 'a@example.com', merchant_id: 'm1', nonce: 'n', aud: 'storefront' }));
    expect(claims).toEqual({ sub: 'u1', email: 'a@example.com', merchantId: 'm1', nonce: 'n', aud: ['storefront'] });
  });

  it('refuses tokens that are not JWTs or lack the claims', () => {
    expect(() => decodeIdToken('not-a-jwt')).toThrow(OidcError);
    expect(() => decodeIdToken(jwt({ sub: 'u1', email: 'a@example.com' }))).toThrow(/merchant_id/);
  });
});

describe('sameSecret', () => {
  it('compares in constant time and never matches empty values', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', '')).toBe(false);
  });
});

describe('oidcClientFromEnvironment', () => {
  it('needs the client secret and defaults the rest', () => {
    expect(() => oidcClientFromEnvironment({})).toThrow(AuthConfigurationError);
    expect(oidcClientFromEnvironment({ STOREFRONT_CLIENT_SECRET: 's', IDENTITY_URL: 'http://identity:8080/' })).toEqual({
      identityUrl: 'http://identity:8080',
      publicUrl: 'http://identity:8080',
      clientId: 'storefront',
      clientSecret: 's',
      timeoutMs: expect.any(Number),
    });
    expect(
      oidcClientFromEnvironment({ STOREFRONT_CLIENT_SECRET: 's', IDENTITY_PUBLIC_URL: 'https://id.example.com', STOREFRONT_CLIENT_ID: 'shop' }),
    ).toMatchObject({ identityUrl: 'http://127.0.0.1:5103', publicUrl: 'https://id.example.com', clientId: 'shop' });
  });
});

describe('token endpoint', () => {
  let server: Server;
  let client: OidcClient;
  let received: Array<{ path: string; form: Record<string, string> }> = [];
  let answer: (response: ServerResponse) => void;

  const reply = (status: number, body: unknown) => (response: ServerResponse) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ path: request.url ?? '', form: Object.fromEntries(new URLSearchParams(text)) });
        answer(response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = { ...CLIENT, identityUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => {
    received = [];
    answer = reply(200, { access_token: 'at', refresh_token: 'rt', id_token: 'it', expires_in: 600, token_type: 'Bearer' });
  });

  it('exchanges the code with the verifier and the client credentials', async () => {
    const tokens = await exchangeCode(client, { code: 'c', redirectUri: 'http://localhost:3000/auth/callback', codeVerifier: 'v' }, 1_000);

    expect(tokens).toEqual({ accessToken: 'at', refreshToken: 'rt', idToken: 'it', accessTokenExpiresAt: 601_000 });
    expect(received).toEqual([
      {
        path: '/connect/token',
        form: {
          grant_type: 'authorization_code',
          code: 'c',
          redirect_uri: 'http://localhost:3000/auth/callback',
          code_verifier: 'v',
          client_id: 'storefront',
          client_secret: 'client-secret',
        },
      },
    ]);
  });

  it('refreshes with the refresh token and tells a dead grant apart', async () => {
    await refreshTokens(client, 'old');
    expect(received[0]?.form).toEqual({ grant_type: 'refresh_token', refresh_token: 'old', client_id: 'storefront', client_secret: 'client-secret' });

    answer = reply(400, { error: 'invalid_grant', error_description: 'The refresh token is no longer valid.' });
    const error = await refreshTokens(client, 'old').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OidcError);
    expect((error as OidcError).isInvalidGrant).toBe(true);

    answer = reply(500, {});
    expect(((await refreshTokens(client, 'old').catch((e: unknown) => e)) as OidcError).isInvalidGrant).toBe(false);
  });

  it('revokes a refresh token', async () => {
    answer = (response) => response.writeHead(200).end();
    await revokeRefreshToken(client, 'rt');
    expect(received[0]).toEqual({
      path: '/connect/revoke',
      form: { token: 'rt', token_type_hint: 'refresh_token', client_id: 'storefront', client_secret: 'client-secret' },
    });
  });

  it('fails as unreachable when Identity does not answer', async () => {
    const error = await exchangeCode({ ...client, identityUrl: 'http://127.0.0.1:1' }, { code: 'c', redirectUri: 'r', codeVerifier: 'v' }).catch(
      (e: unknown) => e,
    );
    expect((error as OidcError).kind).toBe('unreachable');
  });
});
