import { createHash } from 'node:crypto';
import type { NextRequest, NextResponse } from 'next/server';
import { originOfRequest } from './origin';
import {
  AuthConfigurationError,
  OidcError,
  oidcClientFromEnvironment,
  refreshTokens,
  type OidcClient,
  type TokenSet,
} from './oidc';
import {
  clearSession,
  configuredSessionSecret,
  isSecureOrigin,
  sessionFromCookies,
  writeSession,
  type CookieOptions,
  type Session,
} from './session';

/** An access token this close to its expiry is renewed before a request uses it. */
export const REFRESH_MARGIN_MS = 60_000;
/** How long concurrent requests holding the same (now rotated) refresh token share one answer. */
export const SHARED_REFRESH_MS = 30_000;

export function needsRefresh(session: Pick<Session, 'accessTokenExpiresAt'>, now = Date.now()): boolean {
  return session.accessTokenExpiresAt - now <= REFRESH_MARGIN_MS;
}

export type RefreshOutcome =
  | { kind: 'unchanged' }
  | { kind: 'refreshed'; session: Session }
  /** Identity no longer honours the session (revoked, expired): the shopper is signed out. */
  | { kind: 'ended' };

export interface SessionRefresherOptions {
  refresh?: (client: OidcClient, refreshToken: string) => Promise<TokenSet>;
  now?: () => number;
  maxEntries?: number;
}

/**
 * Renews sessions whose access token is (nearly) expired. Identity rotates refresh tokens, so two
 * requests racing with the same cookie (a page and its server action, two tabs) must not both
 * spend it: the answer for one refresh token is shared for a few seconds. A failure other than a
 * dead grant keeps the session as it is, and the next request tries again.
 */
export function sessionRefresher({ refresh = refreshTokens, now = Date.now, maxEntries = 1_000 }: SessionRefresherOptions = {}) {
  const shared = new Map<string, { expiresAt: number; tokens: Promise<TokenSet> }>();

  function refreshOnce(client: OidcClient, refreshToken: string): Promise<TokenSet> {
    const key = createHash('sha256').update(refreshToken).digest('base64url');
    const startedAt = now();
    const remembered = shared.get(key);
    if (remembered && remembered.expiresAt > startedAt) return remembered.tokens;

    for (const [entry, { expiresAt }] of shared) if (expiresAt <= startedAt) shared.delete(entry);
    if (shared.size >= maxEntries) shared.delete(shared.keys().next().value!);
    const tokens = refresh(client, refreshToken);
    shared.set(key, { expiresAt: startedAt + SHARED_REFRESH_MS, tokens });
    tokens.catch(() => {
      if (shared.get(key)?.tokens === tokens) shared.delete(key);
    });
    return tokens;
  }

  return async function refreshSession(client: OidcClient, session: Session): Promise<RefreshOutcome> {
    const startedAt = now();
    if (!needsRefresh(session, startedAt)) return { kind: 'unchanged' };
    if (!session.refreshToken) return startedAt >= session.accessTokenExpiresAt ? { kind: 'ended' } : { kind: 'unchanged' };
    try {
      const tokens = await refreshOnce(client, session.refreshToken);
      // A refreshed id_token must name the same shopper (OpenID Connect Core 12.2).
      if (tokens.sub !== null && tokens.sub !== session.sub) {
        console.error('[session] Identity refreshed the session for another subject; the session ends');
        return { kind: 'ended' };
      }
      return {
        kind: 'refreshed',
        session: {
          ...session,
          accessToken: tokens.accessToken,
          accessTokenExpiresAt: tokens.accessTokenExpiresAt,
          refreshToken: tokens.refreshToken ?? session.refreshToken,
          idToken: tokens.idToken ?? session.idToken,
        },
      };
    } catch (error) {
      if (error instanceof OidcError && error.isInvalidGrant) return { kind: 'ended' };
      console.error(`[session] could not refresh the access token: ${String(error)}`);
      return { kind: 'unchanged' };
    }
  };
}

// Paths that send the shopper to Identity or sign out need no fresh token.
const WITHOUT_REFRESH = new Set(['/account/sign-in', '/account/sign-up', '/account/sign-out']);

/** Account pages and their server actions call Identity with the shopper's access token. */
export function usesAccessToken(pathname: string): boolean {
  return (pathname === '/account' || pathname.startsWith('/account/')) && !WITHOUT_REFRESH.has(pathname);
}

const refreshSession = sessionRefresher();

/**
 * For the proxy: lets the request through (`response`, a NextResponse.next) with a fresh session.
 * Cookies can be written here (and not while a page renders); a renewed or ended session is both
 * sent to the browser and shown to the page or action that handles this request.
 */
export async function continueWithFreshSession(request: NextRequest, response: NextResponse): Promise<NextResponse> {
  const secret = configuredSessionSecret();
  const origin = originOfRequest(request.headers);
  if (!secret || !origin) return response;

  const session = sessionFromCookies(request.cookies, secret);
  if (!session) return response;

  let client: OidcClient;
  try {
    client = oidcClientFromEnvironment();
  } catch (error) {
    if (error instanceof AuthConfigurationError) return response;
    throw error;
  }

  // Read what the browser sent, write to the response.
  const cookies = {
    get: (name: string) => request.cookies.get(name),
    set: (name: string, value: string, options: CookieOptions) => response.cookies.set(name, value, options),
  };
  const outcome = await refreshSession(client, session);
  if (outcome.kind === 'refreshed') writeSession(cookies, outcome.session, secret, isSecureOrigin(origin));
  if (outcome.kind === 'ended') clearSession(cookies, isSecureOrigin(origin));
  return response;
}
