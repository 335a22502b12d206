import { NextRequest } from 'next/server';
import { CSRF_FIELD } from './csrf-field';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, startFakeGateway, type FakeGateway } from './testing/fake-gateway';
import { startFakeIdentity, type FakeIdentity } from './testing/fake-identity';
import { AUTH_COOKIE, seal, SESSION_COOKIE, unseal, type Session } from './session';
import { finishSignIn, signOut, startSignIn } from './sign-in';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const MERCHANT = 'a1f0c0de-0000-4000-8000-000000000001';

let gateway: FakeGateway;
let identity: FakeIdentity;

beforeAll(async () => {
  [gateway, identity] = await Promise.all([startFakeGateway(), startFakeIdentity()]);
});

afterAll(async () => {
  await Promise.all([gateway.close(), identity.close()]);
});

beforeEach(() => {
  gateway.reset();
  identity.reset();
  gateway.answer((response, request) =>
    json(response, 200, {
      data: {
        storefrontChannel: {
          host: String(request.body.variables?.host),
          merchant: { id: MERCHANT, name: 'Acme Outfitters', defaultCurrency: 'USD', status: 'ACTIVE' },
        },
      },
    }),
  );
  vi.stubEnv('GATEWAY_URL', gateway.url);
  vi.stubEnv('IDENTITY_URL', identity.url);
  vi.stubEnv('STOREFRONT_CLIENT_SECRET', 'client-secret');
  vi.stubEnv('SESSION_SECRET', SECRET);
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** A browser request to the store on `host` (as the browser sent it), carrying `cookies`. */
function storeRequest(
  host: string,
  path: string,
  cookies: Record<string, string> = {},
  init: { method?: string; body?: URLSearchParams; headers?: Record<string, string> } = {},
) {
  const cookie = Object.entries(cookies).map(([name, value]) => `${name}=${value}`).join('; ');
  return new NextRequest(`http://${host}${path}`, {
    ...init,
    headers: { host, ...(cookie ? { cookie } : {}), ...init.headers },
  });
}

/** Starts a sign-in at the store on `host` and returns where the browser was sent and the sign-in cookie. */
async function signInAt(host: string, path = '/account/sign-in?returnTo=%2Fc%2Fshoes') {
  const response = await startSignIn(storeRequest(host, path));
  expect(response.status).toBe(302);
  const authorize = new URL(response.headers.get('location')!);
  return { authorize, authCookie: response.cookies.get(AUTH_COOKIE)!.value };
}

function answerWithIdToken(nonce: string, merchantId = MERCHANT) {
  identity.answerTokens(() => ({
    status: 200,
    body: {
      access_token: 'access',
      token_type: 'Bearer',
      expires_in: 600,
      refresh_token: 'refresh',
      id_token: identity.idToken({ sub: 'shopper-1', email: 'jamie@example.com', merchant_id: merchantId, nonce }),
    },
  }));
}

/** Identity's redirect back to the store's callback, with the authorization response's parameters. */
function callback(host: string, authCookie: string, parameters: Record<string, string>) {
  return finishSignIn(storeRequest(host, `/auth/callback?${new URLSearchParams(parameters)}`, { [AUTH_COOKIE]: authCookie }));
}

const reasonOf = (response: Response) => new URL(response.headers.get('location')!).searchParams.get('reason');

describe('signing in', () => {
  it('sends the redirect URI of the host the browser used and comes back to the local page asked for', async () => {
    const { authorize, authCookie } = await signInAt('globex.localhost:3000');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${identity.url}/connect/authorize`);
    expect(authorize.searchParams.get('redirect_uri')).toBe('http://globex.localhost:3000/auth/callback');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    answerWithIdToken(authorize.searchParams.get('nonce')!);

    const response = await callback('globex.localhost:3000', authCookie, {
      code: 'the-code',
      state: authorize.searchParams.get('state')!,
      iss: identity.issuer,
    });

    expect(response.headers.get('location')).toBe('http://globex.localhost:3000/c/shoes');
    expect(identity.received.map((request) => request.form)).toEqual([
      expect.objectContaining({ code: 'the-code', redirect_uri: 'http://globex.localhost:3000/auth/callback', client_secret: 'client-secret' }),
    ]);
    const session = unseal<Session>(SESSION_COOKIE, response.cookies.get(SESSION_COOKIE)?.value, SECRET);
    expect(session).toMatchObject({ accessToken: 'access', refreshToken: 'refresh', sub: 'shopper-1', email: 'jamie@example.com' });
    expect(response.cookies.get(SESSION_COOKIE)).toMatchObject({ httpOnly: true, sameSite: 'lax' });
    expect(response.cookies.get(AUTH_COOKIE)?.value).toBe('');
  });

  it.each(['//evil.example/account', '/\\evil.example', '/%09/evil.example', 'https://evil.example/'])(
    'never follows the return path %j off the store',
    async (returnTo) => {
      const { authorize, authCookie } = await signInAt('localhost:3000', `/account/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
      answerWithIdToken(authorize.searchParams.get('nonce')!);
      const response = await callback('localhost:3000', authCookie, {
        code: 'the-code',
        state: authorize.searchParams.get('state')!,
        iss: identity.issuer,
      });
      expect(response.headers.get('location')).toBe('http://localhost:3000/account');
    },
  );

  it.each([
    ['another issuer', { iss: 'https://evil.example/' }],
    ['no issuer', {}],
  ])('refuses an authorization response naming %s, and spends no code', async (_, iss: Record<string, string>) => {
    const { authorize, authCookie } = await signInAt('localhost:3000');
    answerWithIdToken(authorize.searchParams.get('nonce')!);

    const response = await callback('localhost:3000', authCookie, { code: 'the-code', state: authorize.searchParams.get('state')!, ...iss });

    expect(response.headers.get('location')).toBe('http://localhost:3000/account/sign-in-error?reason=failed');
    expect(response.cookies.get(SESSION_COOKIE)).toBeUndefined();
    expect(identity.received).toEqual([]);
  });

  it('refuses a callback whose state is not the one this browser was sent off with', async () => {
    const { authorize, authCookie } = await signInAt('localhost:3000');
    const other = await signInAt('localhost:3000');
    answerWithIdToken(authorize.searchParams.get('nonce')!);

    const response = await callback('localhost:3000', authCookie, {
      code: 'the-code',
      state: other.authorize.searchParams.get('state')!,
      iss: identity.issuer,
    });

    expect(reasonOf(response)).toBe('expired');
    expect(response.cookies.get(SESSION_COOKIE)).toBeUndefined();
    expect(identity.received).toEqual([]);
  });

  it('refuses a callback on another host name than the one the sign-in started on', async () => {
    const { authorize, authCookie } = await signInAt('localhost:3000');
    const response = await callback('globex.localhost:3000', authCookie, {
      code: 'the-code',
      state: authorize.searchParams.get('state')!,
      iss: identity.issuer,
    });
    expect(reasonOf(response)).toBe('expired');
    expect(identity.received).toEqual([]);
  });

  it('says the shopper declined when Identity answers access_denied', async () => {
    const { authorize, authCookie } = await signInAt('localhost:3000');
    const response = await callback('localhost:3000', authCookie, {
      error: 'access_denied',
      state: authorize.searchParams.get('state')!,
      iss: identity.issuer,
    });
    expect(reasonOf(response)).toBe('denied');
  });

  it('refuses an account of another merchant', async () => {
    const { authorize, authCookie } = await signInAt('localhost:3000');
    answerWithIdToken(authorize.searchParams.get('nonce')!, 'b2f0c0de-0000-4000-8000-000000000002');
    const response = await callback('localhost:3000', authCookie, {
      code: 'the-code',
      state: authorize.searchParams.get('state')!,
      iss: identity.issuer,
    });
    expect(reasonOf(response)).toBe('wrong-store');
    expect(response.cookies.get(SESSION_COOKIE)).toBeUndefined();
  });
});

describe('signing out', () => {
  const session: Session = {
    accessToken: 'access',
    accessTokenExpiresAt: Date.now() + 600_000,
    refreshToken: 'refresh-1',
    idToken: 'the.id.token',
    sub: 'shopper-1',
    email: 'jamie@example.com',
    csrfToken: 'the-csrf-token',
  };

  const signOutRequest = (csrf: string, origin: string) =>
    storeRequest('globex.localhost:3000', '/account/sign-out', { [SESSION_COOKIE]: seal(SESSION_COOKIE, session, SECRET, 3_600) }, {
      method: 'POST',
      body: new URLSearchParams({ [CSRF_FIELD]: csrf }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    });

  it('revokes the refresh token and lets Identity end its session, back to the store the shopper used', async () => {
    const response = await signOut(signOutRequest('the-csrf-token', 'http://globex.localhost:3000'));

    expect(response.status).toBe(303);
    const endSession = new URL(response.headers.get('location')!);
    expect(`${endSession.origin}${endSession.pathname}`).toBe(`${identity.url}/connect/endsession`);
    expect(Object.fromEntries(endSession.searchParams)).toEqual({
      client_id: 'storefront',
      post_logout_redirect_uri: 'http://globex.localhost:3000/',
      id_token_hint: 'the.id.token',
    });
    expect(identity.received).toEqual([
      { path: '/connect/revoke', form: expect.objectContaining({ token: 'refresh-1', token_type_hint: 'refresh_token' }) },
    ]);
    expect(response.cookies.get(SESSION_COOKIE)?.value).toBe('');
  });

  it.each([
    ['a wrong CSRF token', 'forged', 'http://globex.localhost:3000'],
    ['another origin', 'the-csrf-token', 'https://evil.example'],
  ])('refuses a sign-out with %s', async (_, csrf, origin) => {
    const response = await signOut(signOutRequest(csrf, origin));
    expect(response.status).toBe(403);
    expect(identity.received).toEqual([]);
  });
});
