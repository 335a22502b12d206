import { createHash } from 'node:crypto';
import type { Configuration } from 'openid-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthConfigurationError,
  authorizationUrl,
  discoverIdentity,
  endSessionUrl,
  exchangeCode,
  identityConfigurationCache,
  newAuthorizationRequest,
  OidcError,
  oidcClientFromEnvironment,
  refreshTokens,
  revokeRefreshToken,
  type AuthorizationRequest,
  type OidcClient,
} from './oidc';
import { startFakeIdentity, STOREFRONT_CLIENT_ID, type FakeIdentity } from './testing/fake-identity';
import { unusedGatewayUrl } from './testing/fake-gateway';

// Browsers know Identity by its public name; the storefront reaches it at its own address.
const PUBLIC_URL = 'http://id.localhost:5999';
const STORE_CALLBACK = 'http://localhost:3000/auth/callback';

let identity: FakeIdentity;
let client: OidcClient;
let configuration: Configuration;

beforeAll(async () => {
  identity = await startFakeIdentity({ publicUrl: PUBLIC_URL });
  client = {
    identityUrl: identity.url,
    publicUrl: PUBLIC_URL,
    clientId: STOREFRONT_CLIENT_ID,
    clientSecret: 'client-secret',
    timeoutMs: 2_000,
  };
  configuration = await discoverIdentity(client);
});

afterAll(() => identity.close());

beforeEach(() => identity.reset());

const s256 = (verifier: string) => createHash('sha256').update(verifier, 'ascii').digest('base64url');

describe('oidcClientFromEnvironment', () => {
  it('needs the client secret and defaults the rest', () => {
    expect(() => oidcClientFromEnvironment({})).toThrow(AuthConfigurationError);
    expect(oidcClientFromEnvironment({ STOREFRONT_CLIENT_SECRET: 's', IDENTITY_URL: 'http://identity:8080/' })).toEqual({
      identityUrl: 'http://identity:8080',
      publicUrl: 'http://identity:8080',
      clientId: 'storefront',
      clientSecret: 's',
      timeoutMs: 10_000,
    });
    expect(
      oidcClientFromEnvironment({ STOREFRONT_CLIENT_SECRET: 's', IDENTITY_PUBLIC_URL: 'https://id.example.com', STOREFRONT_CLIENT_ID: 'shop' }),
    ).toMatchObject({ identityUrl: 'http://127.0.0.1:5103', publicUrl: 'https://id.example.com', clientId: 'shop' });
  });
});

describe('discovery', () => {
  it('knows Identity by its public issuer and reaches it at IDENTITY_URL', () => {
    const metadata = configuration.serverMetadata();
    expect(metadata.issuer).toBe(`${PUBLIC_URL}/`);
    expect(metadata.authorization_endpoint).toBe(`${PUBLIC_URL}/connect/authorize`);
  });

  it('refuses an issuer other than the configured public URL', async () => {
    await expect(discoverIdentity({ ...client, publicUrl: 'http://other.localhost:5999' })).rejects.toThrow(/issuer/);
  });

  it('refuses plain http for an Identity that is not on this machine', async () => {
    await expect(discoverIdentity({ ...client, publicUrl: 'http://id.example.com' })).rejects.toThrow(AuthConfigurationError);
  });

  it('fails as unreachable when Identity does not answer, and tries again on the next request', async () => {
    const down = { ...client, identityUrl: new URL(await unusedGatewayUrl()).origin };
    let attempts = 0;
    const configurationFor = identityConfigurationCache(async (target) => {
      attempts++;
      return discoverIdentity(target);
    });
    await expect(configurationFor(down)).rejects.toMatchObject({ kind: 'unreachable' });
    await expect(configurationFor(down)).rejects.toBeInstanceOf(OidcError);
    expect(attempts).toBe(2);
    expect(await configurationFor(client)).toBe(await configurationFor(client));
    expect(attempts).toBe(3);
  });
});

describe('authorizationUrl', () => {
  it('sends the browser to the public authorize endpoint with code, state, nonce, PKCE S256 and the scopes', async () => {
    const request = newAuthorizationRequest(STORE_CALLBACK);
    const url = new URL(await authorizationUrl(configuration, request));
    expect(`${url.origin}${url.pathname}`).toBe(`${PUBLIC_URL}/connect/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'storefront',
      response_type: 'code',
      redirect_uri: STORE_CALLBACK,
      scope: 'openid email offline_access',
      state: request.state,
      nonce: request.nonce,
      code_challenge: s256(request.codeVerifier),
      code_challenge_method: 'S256',
    });
    expect(url.search).toContain('scope=openid%20email%20offline_access');
  });

  it('makes fresh state, nonce and verifier of at least 256 bits for every sign-in', () => {
    const first = newAuthorizationRequest(STORE_CALLBACK);
    const second = newAuthorizationRequest(STORE_CALLBACK);
    for (const key of ['state', 'nonce', 'codeVerifier'] as const) {
      expect(first[key]).toMatch(/^[A-Za-z0-9_-]{43,}$/);
      expect(first[key]).not.toBe(second[key]);
    }
  });

  it('asks for the sign-up page with prompt=create', async () => {
    const request = newAuthorizationRequest(STORE_CALLBACK);
    expect(new URL(await authorizationUrl(configuration, request, 'create')).searchParams.get('prompt')).toBe('create');
    expect(new URL(await authorizationUrl(configuration, request)).searchParams.has('prompt')).toBe(false);
  });

  it('ends the session at Identity with the id token as hint and the store home as way back', () => {
    const url = new URL(endSessionUrl(configuration, 'http://localhost:3000/', 'id.token'));
    expect(`${url.origin}${url.pathname}`).toBe(`${PUBLIC_URL}/connect/endsession`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'storefront',
      post_logout_redirect_uri: 'http://localhost:3000/',
      id_token_hint: 'id.token',
    });
  });
});

describe('exchangeCode', () => {
  let request: AuthorizationRequest;
  const callback = (parameters: Record<string, string>) => new URLSearchParams(parameters);

  beforeEach(() => {
    request = newAuthorizationRequest(STORE_CALLBACK);
    identity.answerTokens(() => ({
      status: 200,
      body: {
        access_token: 'access',
        token_type: 'Bearer',
        expires_in: 600,
        refresh_token: 'refresh',
        id_token: identity.idToken({ sub: 'shopper-1', email: 'jamie@example.com', merchant_id: 'm1', nonce: request.nonce }),
      },
    }));
  });

  it('exchanges the code with the verifier, the redirect URI and the client secret, and reads the shopper', async () => {
    const signedIn = await exchangeCode(configuration, request, callback({ code: 'the-code', state: request.state, iss: identity.issuer }), 1_000);
    expect(identity.received).toEqual([
      {
        path: '/connect/token',
        form: {
          grant_type: 'authorization_code',
          code: 'the-code',
          redirect_uri: STORE_CALLBACK,
          code_verifier: request.codeVerifier,
          client_id: 'storefront',
          client_secret: 'client-secret',
        },
      },
    ]);
    expect(signedIn).toMatchObject({
      sub: 'shopper-1',
      email: 'jamie@example.com',
      merchantId: 'm1',
      tokens: { accessToken: 'access', refreshToken: 'refresh', accessTokenExpiresAt: 601_000, sub: 'shopper-1' },
    });
  });

  it.each([
    ['another issuer', { iss: 'https://evil.example/' }],
    ['no issuer', {}],
  ])('refuses an authorization response naming %s, before spending the code', async (_, iss: Record<string, string>) => {
    const answer = exchangeCode(configuration, request, callback({ code: 'the-code', state: request.state, ...iss }));
    await expect(answer).rejects.toMatchObject({ kind: 'invalid-response', message: expect.stringMatching(/"iss"/) });
    expect(identity.received).toEqual([]);
  });

  it.each([
    ['another state', { state: 'not-the-state' }],
    ['no state', {}],
  ])('refuses an authorization response with %s, before spending the code', async (_, state: Record<string, string>) => {
    const answer = exchangeCode(configuration, request, callback({ code: 'the-code', iss: identity.issuer, ...state }));
    await expect(answer).rejects.toMatchObject({ kind: 'state-mismatch' });
    expect(identity.received).toEqual([]);
  });

  it('tells an error Identity sent back apart, by its code', async () => {
    const answer = exchangeCode(configuration, request, callback({ error: 'access_denied', state: request.state, iss: identity.issuer }));
    await expect(answer).rejects.toMatchObject({ kind: 'rejected', error: 'access_denied' });
  });

  it('refuses an id_token with another nonce', async () => {
    identity.answerTokens(() => ({
      status: 200,
      body: {
        access_token: 'access',
        token_type: 'Bearer',
        expires_in: 600,
        id_token: identity.idToken({ email: 'jamie@example.com', merchant_id: 'm1', nonce: 'replayed' }),
      },
    }));
    const answer = exchangeCode(configuration, request, callback({ code: 'the-code', state: request.state, iss: identity.issuer }));
    await expect(answer).rejects.toMatchObject({ kind: 'invalid-response' });
  });

  it('refuses an id_token for another client, or whose signature does not hold', async () => {
    const forged = identity.idToken({ email: 'jamie@example.com', merchant_id: 'm1', nonce: request.nonce }).replace(/\.[^.]+$/, '.AAAA');
    for (const idToken of [identity.idToken({ aud: 'admin', azp: 'admin', email: 'a@example.com', merchant_id: 'm1', nonce: request.nonce }), forged]) {
      identity.answerTokens(() => ({ status: 200, body: { access_token: 'a', token_type: 'Bearer', expires_in: 600, id_token: idToken } }));
      const answer = exchangeCode(configuration, request, callback({ code: 'the-code', state: request.state, iss: identity.issuer }));
      await expect(answer).rejects.toBeInstanceOf(OidcError);
    }
  });

  it('refuses a token answer without id_token', async () => {
    identity.answerTokens(() => ({ status: 200, body: { access_token: 'a', token_type: 'Bearer', expires_in: 600 } }));
    const answer = exchangeCode(configuration, request, callback({ code: 'the-code', state: request.state, iss: identity.issuer }));
    await expect(answer).rejects.toBeInstanceOf(OidcError);
  });
});

describe('refresh and revocation', () => {
  it('refreshes with the refresh token and the client secret, keeping the rotated refresh token', async () => {
    identity.answerTokens(() => ({
      status: 200,
      body: { access_token: 'new-access', token_type: 'Bearer', expires_in: 600, refresh_token: 'rotated' },
    }));
    const tokens = await refreshTokens(client, 'refresh-1', 5_000);
    expect(identity.received).toEqual([
      {
        path: '/connect/token',
        form: { grant_type: 'refresh_token', refresh_token: 'refresh-1', client_id: 'storefront', client_secret: 'client-secret' },
      },
    ]);
    expect(tokens).toEqual({ accessToken: 'new-access', refreshToken: 'rotated', idToken: null, accessTokenExpiresAt: 605_000, sub: null });
  });

  it('tells a dead grant apart', async () => {
    identity.answerTokens(() => ({ status: 400, body: { error: 'invalid_grant', error_description: 'The token is no longer valid.' } }));
    const refusal = await refreshTokens(client, 'refresh-2').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(OidcError);
    expect(refusal).toMatchObject({ kind: 'rejected', isInvalidGrant: true, status: 400 });
  });

  it('revokes a refresh token', async () => {
    await revokeRefreshToken(client, 'refresh-3');
    expect(identity.received).toEqual([
      {
        path: '/connect/revoke',
        form: { token: 'refresh-3', token_type_hint: 'refresh_token', client_id: 'storefront', client_secret: 'client-secret' },
      },
    ]);
  });
});
