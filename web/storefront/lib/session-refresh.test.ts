import { afterEach, describe, expect, it, vi } from 'vitest';
import { OidcError, type OidcClient, type TokenSet } from './oidc';
import type { Session } from './session';
import { needsRefresh, REFRESH_MARGIN_MS, sessionRefresher, usesAccessToken } from './session-refresh';

const NOW = 1_000_000;
const CLIENT = { clientId: 'storefront' } as OidcClient;

const session = (expiresIn: number, refreshToken: string | null = 'rt-1'): Session => ({
  accessToken: 'at-1',
  accessTokenExpiresAt: NOW + expiresIn,
  refreshToken,
  idToken: 'id-1',
  sub: 'u1',
  email: 'shopper@example.com',
  csrfToken: 'csrf',
});

const tokens: TokenSet = { accessToken: 'at-2', refreshToken: 'rt-2', idToken: null, accessTokenExpiresAt: NOW + 600_000, sub: null };

afterEach(() => vi.restoreAllMocks());

describe('needsRefresh', () => {
  it('renews within a minute of expiry', () => {
    expect(needsRefresh(session(REFRESH_MARGIN_MS + 1), NOW)).toBe(false);
    expect(needsRefresh(session(REFRESH_MARGIN_MS), NOW)).toBe(true);
    expect(needsRefresh(session(-1), NOW)).toBe(true);
  });
});

describe('sessionRefresher', () => {
  it('leaves a fresh session alone', async () => {
    const refresh = vi.fn();
    const outcome = await sessionRefresher({ refresh, now: () => NOW })(CLIENT, session(300_000));
    expect(outcome).toEqual({ kind: 'unchanged' });
    expect(refresh).not.toHaveBeenCalled();
  });

  it('stores the new access token and the rotated refresh token, keeping the rest', async () => {
    const refresh = vi.fn(async () => tokens);
    const outcome = await sessionRefresher({ refresh, now: () => NOW })(CLIENT, session(30_000));
    expect(refresh).toHaveBeenCalledWith(CLIENT, 'rt-1');
    expect(outcome).toEqual({
      kind: 'refreshed',
      session: { ...session(30_000), accessToken: 'at-2', refreshToken: 'rt-2', accessTokenExpiresAt: NOW + 600_000 },
    });
  });

  it('spends a refresh token once for concurrent requests', async () => {
    const refresh = vi.fn(async () => tokens);
    const refreshSession = sessionRefresher({ refresh, now: () => NOW });
    const outcomes = await Promise.all([refreshSession(CLIENT, session(0)), refreshSession(CLIENT, session(0))]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['refreshed', 'refreshed']);
  });

  it('ends the session when Identity says the grant is dead', async () => {
    const refresh = vi.fn(async () => {
      throw new OidcError('rejected', 'no', { error: 'invalid_grant', status: 400 });
    });
    expect(await sessionRefresher({ refresh, now: () => NOW })(CLIENT, session(0))).toEqual({ kind: 'ended' });
  });

  it('keeps the session when Identity cannot be asked, and asks again next time', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const refresh = vi.fn(async () => {
      throw new OidcError('unreachable', 'down');
    });
    const refreshSession = sessionRefresher({ refresh, now: () => NOW });
    expect(await refreshSession(CLIENT, session(0))).toEqual({ kind: 'unchanged' });
    expect(await refreshSession(CLIENT, session(0))).toEqual({ kind: 'unchanged' });
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('ends the session when the refreshed id_token names another shopper', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const refreshSession = sessionRefresher({ refresh: vi.fn(async () => ({ ...tokens, idToken: 'id-2', sub: 'u2' })), now: () => NOW });
    expect(await refreshSession(CLIENT, session(0))).toEqual({ kind: 'ended' });
  });

  it('keeps the id_token of the refresh when it names the same shopper', async () => {
    const refreshSession = sessionRefresher({ refresh: vi.fn(async () => ({ ...tokens, idToken: 'id-2', sub: 'u1' })), now: () => NOW });
    expect(await refreshSession(CLIENT, session(0))).toMatchObject({ kind: 'refreshed', session: { idToken: 'id-2', sub: 'u1' } });
  });

  it('ends a session without refresh token once its access token has expired', async () => {
    const refreshSession = sessionRefresher({ refresh: vi.fn(), now: () => NOW });
    expect(await refreshSession(CLIENT, session(30_000, null))).toEqual({ kind: 'unchanged' });
    expect(await refreshSession(CLIENT, session(0, null))).toEqual({ kind: 'ended' });
  });
});

describe('usesAccessToken', () => {
  it('covers the account pages and their actions, not the sign-in round trip or the catalog', () => {
    expect(usesAccessToken('/account')).toBe(true);
    expect(usesAccessToken('/account/orders')).toBe(true);
    for (const path of ['/', '/c/shoes', '/accounts', '/account/sign-in', '/account/sign-up', '/account/sign-out', '/auth/callback']) {
      expect(usesAccessToken(path)).toBe(false);
    }
  });
});
