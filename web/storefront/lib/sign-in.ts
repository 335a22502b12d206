/**
 * The route handlers of signing in and out: they send the shopper to Identity's hosted pages, take
 * the answer back at /auth/callback, and keep the result in the encrypted session cookie.
 */
import { NextResponse, type NextRequest } from 'next/server';
import type { Configuration } from 'openid-client';
import { isStoreOpen, resolveChannel } from './channels';
import { createCsrfToken, csrfRejection, CSRF_FIELD } from './csrf';
import {
  authorizationUrl,
  callbackUrl,
  endSessionUrl,
  exchangeCode,
  identityConfiguration,
  newAuthorizationRequest,
  OidcError,
  oidcClientFromEnvironment,
  postLogoutRedirectUrl,
  revokeRefreshToken,
  type OidcClient,
  type SignedIn,
} from './oidc';
import { originOfRequest } from './origin';
import { localReturnPath } from './return-path';
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

/** SESSION_SECRET, the client and Identity's discovered configuration; null (logged) when sign-in is not available. */
async function signInSetup(): Promise<{ secret: string; client: OidcClient; configuration: Configuration } | null> {
  try {
    const secret = sessionSecretFromEnvironment();
    const client = oidcClientFromEnvironment();
    return { secret, client, configuration: await identityConfiguration(client) };
  } catch (error) {
    console.error(`[sign-in] shopper sign-in is not available: ${(error as Error).message}`);
    return null;
  }
}

/**
 * GET /account/sign-in and /account/sign-up: remember state, nonce and code verifier in a
 * short-lived cookie and send the browser to Identity's authorize endpoint. The redirect URI is
 * built from the request's own origin, nothing else. Any local session is dropped first, so a
 * session Identity no longer honours cannot bounce the shopper back and forth.
 */
export async function startSignIn(request: NextRequest, prompt?: 'create'): Promise<NextResponse> {
  const origin = originOfRequest(request.headers);
  if (!origin) return new NextResponse('Bad Request', { status: 400 });

  const setup = await signInSetup();
  if (!setup) return problemRedirect(origin, 'unavailable');

  const authorization = newAuthorizationRequest(callbackUrl(origin));
  const returnTo = localReturnPath(request.nextUrl.searchParams.get('returnTo'));
  const response = redirectTo(await authorizationUrl(setup.configuration, authorization, prompt));
  const secure = isSecureOrigin(origin);
  writeAuthState(response.cookies, { ...authorization, returnTo }, setup.secret, secure);
  if (request.cookies.has(SESSION_COOKIE)) clearSession(cookieJar(request, response), secure);
  return response;
}

/** How a failed callback is explained to the shopper. */
function problemOf(error: unknown): SignInProblem {
  if (!(error instanceof OidcError)) return 'failed';
  if (error.kind === 'state-mismatch') return 'expired';
  if (error.kind === 'unreachable') return 'unavailable';
  if (error.error === 'access_denied') return 'denied';
  return 'failed';
}

/**
 * GET /auth/callback: the library checks the authorization response (Identity's `iss`, the state),
 * exchanges the code (with the PKCE verifier and the client secret) and checks the id_token (issuer,
 * audience, nonce, signature); then the account must belong to this store's merchant. The session
 * starts and the shopper continues to the page they came for.
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

  const setup = await signInSetup();
  if (!setup) return fail('unavailable');

  const auth = authStateFromCookies(request.cookies, setup.secret);
  // No state (expired, or another browser), or one made for another of the store's host names: start again.
  if (!auth || auth.redirectUri !== callbackUrl(origin)) return fail('expired');

  // A closed store spends no code.
  const channel = await resolveChannel(request.headers.get('host')).catch(() => null);
  if (!channel || !isStoreOpen(channel)) return fail('unavailable');

  let signedIn: SignedIn;
  try {
    signedIn = await exchangeCode(setup.configuration, auth, request.nextUrl.searchParams);
  } catch (error) {
    return fail(problemOf(error), `the sign-in did not complete: ${String(error)}`);
  }

  if (signedIn.merchantId.toLowerCase() !== channel.merchant.id.toLowerCase()) {
    return fail('wrong-store', `an account of merchant ${signedIn.merchantId} tried to sign in at ${channel.host}`);
  }

  const response = redirectTo(`${origin}${localReturnPath(auth.returnTo)}`);
  clearAuthState(response.cookies, secure);
  writeSession(
    cookieJar(request, response),
    {
      accessToken: signedIn.tokens.accessToken,
      accessTokenExpiresAt: signedIn.tokens.accessTokenExpiresAt,
      refreshToken: signedIn.tokens.refreshToken,
      idToken: signedIn.tokens.idToken,
      sub: signedIn.sub,
      email: signedIn.email,
      csrfToken: createCsrfToken(),
    },
    setup.secret,
    secure,
  );
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

  const setup = await signInSetup();
  if (!setup) {
    const response = redirectTo(`${origin}/`, 303);
    clearSession(cookieJar(request, response), secure);
    return response;
  }

  const session = sessionFromCookies(request.cookies, setup.secret);
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
    await revokeRefreshToken(setup.client, session.refreshToken).catch((error: unknown) =>
      console.error(`[sign-out] ${String(error)}; the session cookie is dropped all the same`),
    );
  }
  const response = redirectTo(endSessionUrl(setup.configuration, postLogoutRedirectUrl(origin), session.idToken), 303);
  clearSession(cookieJar(request, response), secure);
  return response;
}
