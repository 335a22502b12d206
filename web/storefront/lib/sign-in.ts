/**
 * The route handlers of signing in and out: they send the shopper to Identity's hosted pages, take
 * the answer back at /auth/callback, and keep the result in the encrypted session cookie.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { createCsrfToken, csrfRejection, CSRF_FIELD } from './csrf';
import {
  authorizeUrl,
  callbackUrl,
  decodeIdToken,
  endSessionUrl,
  exchangeCode,
  localReturnPath,
  oidcClientFromEnvironment,
  pkceChallenge,
  randomToken,
  revokeRefreshToken,
  sameSecret,
  type OidcClient,
} from './oidc';
import { originOfRequest } from './origin';
import { getStoreContext } from './request-context';
import {
  authStateFromCookies,
  clearAuthState,
  clearSession,
  isSecureOrigin,
  sessionFromCookies,
  sessionSecretFromEnvironment,
  SESSION_COOKIE,
  writeAuthState,
  writeSession,
  type CookieOptions,
  type CookieReader,
  type CookieWriter,
  type Session,
} from './session';

/** Why signing in did not work out, shown by /account/sign-in-error. */
export type SignInProblem = 'expired' | 'denied' | 'failed' | 'wrong-store' | 'unavailable';

export const SIGN_IN_ERROR_PATH = '/account/sign-in-error';

function redirectTo(url: string, status: 302 | 303 = 302): NextResponse {
  return NextResponse.redirect(url, { status, headers: { 'cache-control': 'no-store' } });
}

/** Cookies read from the request and written to the response. */
function cookieJar(request: NextRequest, response: NextResponse): CookieReader & CookieWriter {
  return {
    get: (name) => request.cookies.get(name),
    set: (name, value, options: CookieOptions) => response.cookies.set(name, value, options),
  };
}

function problemRedirect(origin: string, problem: SignInProblem): NextResponse {
  return redirectTo(`${origin}${SIGN_IN_ERROR_PATH}?reason=${problem}`);
}

/**
 * GET /account/sign-in and /account/sign-up: remember state, nonce and code verifier in a
 * short-lived cookie and send the browser to Identity's authorize endpoint. Any local session is
 * dropped first, so a session Identity no longer honours cannot bounce the shopper back and forth.
 */
export function startSignIn(request: NextRequest, prompt?: 'create'): NextResponse {
  const origin = originOfRequest(request.headers);
  if (!origin) return new NextResponse('Bad Request', { status: 400 });

  let secret: string;
  let client: OidcClient;
  try {
    secret = sessionSecretFromEnvironment();
    client = oidcClientFromEnvironment();
  } catch (error) {
    console.error(`[sign-in] shopper sign-in is not configured: ${(error as Error).message}`);
    return problemRedirect(origin, 'unavailable');
  }

  const codeVerifier = randomToken();
  const state = { state: randomToken(), nonce: randomToken(), codeVerifier, redirectUri: callbackUrl(origin) };
  const returnTo = localReturnPath(request.nextUrl.searchParams.get('returnTo'));
  const response = redirectTo(
    authorizeUrl(client, {
      redirectUri: state.redirectUri,
      state: state.state,
      nonce: state.nonce,
      codeChallenge: pkceChallenge(codeVerifier),
      prompt,
    }),
  );
  const secure = isSecureOrigin(origin);
  writeAuthState(response.cookies, { ...state, returnTo }, secret, secure);
  if (request.cookies.has(SESSION_COOKIE)) clearSession(cookieJar(request, response), secure);
  return response;
}

/**
 * GET /auth/callback: check the state, exchange the code (with the PKCE verifier and the client
 * secret), check nonce, audience and that the account belongs to this store's merchant, then
 * start the session and continue to the page the shopper came for.
 */
export async function finishSignIn(request: NextRequest): Promise<NextResponse> {
  const origin = originOfRequest(request.headers);
  if (!origin) return new NextResponse('Bad Request', { status: 400 });
  const secure = isSecureOrigin(origin);

  const fail = (problem: SignInProblem, reason?: string) => {
    if (reason) console.error(`[sign-in] ${reason}`);
    const response = problemRedirect(origin, problem);
    clearAuthState(response.cookies, secure);
    return response;
  };

  let secret: string;
  let client: OidcClient;
  try {
    secret = sessionSecretFromEnvironment();
    client = oidcClientFromEnvironment();
  } catch (error) {
    return fail('unavailable', `shopper sign-in is not configured: ${(error as Error).message}`);
  }

  const params = request.nextUrl.searchParams;
  const auth = authStateFromCookies(request.cookies, secret);
  // No state (expired, or another browser) or a state we did not send: start again.
  if (!auth || !sameSecret(params.get('state') ?? '', auth.state)) return fail('expired');
  const error = params.get('error');
  if (error) return fail(error === 'access_denied' ? 'denied' : 'failed', `Identity answered the sign-in with ${error}`);
  const code = params.get('code');
  if (!code) return fail('failed', 'the callback carried neither a code nor an error');
  // The auth cookie is per host; a redirect URI of another origin would be refused by Identity anyway.
  if (auth.redirectUri !== callbackUrl(origin)) return fail('expired');

  const store = await getStoreContext();
  if (!store?.open) return fail('unavailable');

  let session: Session;
  try {
    const tokens = await exchangeCode(client, { code, redirectUri: auth.redirectUri, codeVerifier: auth.codeVerifier });
    if (!tokens.idToken) return fail('failed', 'Identity issued no id_token');
    const claims = decodeIdToken(tokens.idToken);
    if (claims.nonce === undefined || !sameSecret(claims.nonce, auth.nonce)) return fail('failed', 'the id_token nonce does not match');
    if (!claims.aud.includes(client.clientId)) return fail('failed', `the id_token is for ${claims.aud.join(', ')}`);
    if (claims.merchantId.toLowerCase() !== store.merchantId.toLowerCase()) {
      return fail('wrong-store', `an account of merchant ${claims.merchantId} tried to sign in at ${store.host}`);
    }
    session = {
      accessToken: tokens.accessToken,
      accessTokenExpiresAt: tokens.accessTokenExpiresAt,
      refreshToken: tokens.refreshToken,
      idToken: tokens.idToken,
      sub: claims.sub,
      email: claims.email,
      csrfToken: createCsrfToken(),
    };
  } catch (exchangeError) {
    return fail('failed', `the code exchange failed: ${String(exchangeError)}`);
  }

  const response = redirectTo(`${origin}${localReturnPath(auth.returnTo)}`);
  clearAuthState(response.cookies, secure);
  writeSession(cookieJar(request, response), session, secret, secure);
  return response;
}

/**
 * POST /account/sign-out (form with the session's CSRF token): revoke the refresh token, drop the
 * session cookie and let Identity end its own session, which then returns to the store's home page.
 */
export async function signOut(request: NextRequest): Promise<NextResponse> {
  const origin = originOfRequest(request.headers);
  if (!origin) return new NextResponse('Bad Request', { status: 400 });
  const secure = isSecureOrigin(origin);

  let secret: string;
  let client: OidcClient;
  try {
    secret = sessionSecretFromEnvironment();
    client = oidcClientFromEnvironment();
  } catch {
    return redirectTo(`${origin}/`, 303);
  }

  const session = sessionFromCookies(request.cookies, secret);
  const form = await request.formData().catch(() => null);
  const rejection = csrfRejection({
    session,
    submitted: form?.get(CSRF_FIELD),
    originHeader: request.headers.get('origin'),
    storeOrigin: origin,
  });
  // Nobody to sign out: nothing a forged request could do harm with.
  if (rejection === 'no-session') {
    const response = redirectTo(`${origin}/`, 303);
    clearSession(cookieJar(request, response), secure);
    return response;
  }
  if (rejection || !session) {
    return new NextResponse('The request did not come from this store’s sign-out button.', {
      status: 403,
      headers: { 'cache-control': 'no-store', 'content-type': 'text/plain; charset=utf-8' },
    });
  }

  if (session.refreshToken) {
    await revokeRefreshToken(client, session.refreshToken).catch((error: unknown) =>
      console.error(`[sign-out] ${String(error)}; the session cookie is dropped all the same`),
    );
  }
  const response = redirectTo(endSessionUrl(client, `${origin}/`, session.idToken), 303);
  clearSession(cookieJar(request, response), secure);
  return response;
}
