import { describe, expect, it } from 'vitest';
import {
  AUTH_COOKIE,
  authStateFromCookies,
  clearSession,
  COOKIE_CHUNK_LENGTH,
  readChunkedCookie,
  seal,
  SESSION_COOKIE,
  sessionFromCookies,
  sessionSecretFromEnvironment,
  SessionConfigurationError,
  unseal,
  writeAuthState,
  writeSession,
  type CookieOptions,
  type Session,
} from './session';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const OTHER_SECRET = 'another-session-secret-of-32-characters!';
const NOW = Date.UTC(2025, 0, 1);

/** A browser's cookie jar for one origin, as far as the session code uses it. */
function jar() {
  const values = new Map<string, string>();
  const written = new Map<string, { value: string; options: CookieOptions }>();
  return {
    values,
    written,
    get: (name: string) => (values.has(name) ? { value: values.get(name)! } : undefined),
    set(name: string, value: string, options: CookieOptions) {
      written.set(name, { value, options });
      if (options.maxAge > 0) values.set(name, value);
      else values.delete(name);
    },
  };
}

const session: Session = {
  accessToken: 'access.token.value',
  accessTokenExpiresAt: NOW + 600_000,
  refreshToken: 'refresh-token',
  idToken: 'id.token.value',
  sub: 'shopper-1',
  email: 'shopper@example.com',
  csrfToken: 'csrf-token',
};

/** Random-looking text that compression cannot shrink, like real tokens. */
function randomText(length: number): string {
  return Buffer.from(Array.from({ length }, () => Math.floor(Math.random() * 256))).toString('base64url').slice(0, length);
}

describe('seal and unseal', () => {
  it('round-trips a value for the same cookie name and secret', () => {
    const sealed = seal('cookie', { hello: 'wörld', n: 1 }, SECRET, 60, NOW);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('wörld');
    expect(unseal('cookie', sealed, SECRET, NOW)).toEqual({ hello: 'wörld', n: 1 });
  });

  it('encrypts the same value differently every time', () => {
    expect(seal('cookie', 'same', SECRET, 60, NOW)).not.toBe(seal('cookie', 'same', SECRET, 60, NOW));
  });

  it('detects any change to the sealed text', () => {
    const sealed = seal('cookie', { admin: false }, SECRET, 60, NOW);
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    for (const index of [0, 12, 20, bytes.length - 1]) {
      const tampered = Buffer.from(bytes);
      tampered[index] = tampered[index]! ^ 0x01;
      expect(unseal('cookie', `v1.${tampered.toString('base64url')}`, SECRET, NOW)).toBeNull();
    }
    expect(unseal('cookie', sealed.slice(0, -2), SECRET, NOW)).toBeNull();
  });

  it('refuses a value sealed under another name or secret, expired, or not sealed at all', () => {
    const sealed = seal('cookie', 'value', SECRET, 60, NOW);
    expect(unseal('other-cookie', sealed, SECRET, NOW)).toBeNull();
    expect(unseal('cookie', sealed, OTHER_SECRET, NOW)).toBeNull();
    expect(unseal('cookie', sealed, SECRET, NOW + 60_000)).toBeNull();
    expect(unseal('cookie', sealed, SECRET, NOW + 59_999)).toBe('value');
    for (const garbage of [undefined, '', 'v1.', 'v2.abc', 'plain text', 'v1.!!!']) {
      expect(unseal('cookie', garbage, SECRET, NOW)).toBeNull();
    }
  });
});

describe('session cookies', () => {
  it('writes an httpOnly, SameSite=Lax session that reads back, Secure only over https', () => {
    const cookies = jar();
    writeSession(cookies, session, SECRET, false, NOW);

    expect(sessionFromCookies(cookies, SECRET, NOW)).toEqual(session);
    expect(cookies.written.get(SESSION_COOKIE)?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false, path: '/' });

    const secure = jar();
    writeSession(secure, session, SECRET, true, NOW);
    expect(secure.written.get(SESSION_COOKIE)?.options.secure).toBe(true);
  });

  it('splits a session too large for one cookie and joins it again', () => {
    const cookies = jar();
    const large = { ...session, accessToken: randomText(3_000), refreshToken: randomText(2_000), idToken: randomText(1_500) };
    writeSession(cookies, large, SECRET, false, NOW);

    expect(cookies.values.has(`${SESSION_COOKIE}.1`)).toBe(true);
    for (const value of cookies.values.values()) expect(value.length).toBeLessThanOrEqual(COOKIE_CHUNK_LENGTH);
    expect(sessionFromCookies(cookies, SECRET, NOW)).toEqual(large);

    // A smaller session later leaves no stale chunk behind.
    writeSession(cookies, session, SECRET, false, NOW);
    expect([...cookies.values.keys()]).toEqual([SESSION_COOKIE]);
    expect(sessionFromCookies(cookies, SECRET, NOW)).toEqual(session);
  });

  it('clears the session with every chunk', () => {
    const cookies = jar();
    writeSession(cookies, { ...session, accessToken: randomText(5_000) }, SECRET, false, NOW);
    clearSession(cookies, false);
    expect(cookies.values.size).toBe(0);
    expect(readChunkedCookie(cookies, SESSION_COOKIE)).toBeUndefined();
    expect(sessionFromCookies(cookies, SECRET, NOW)).toBeNull();
  });

  it('does not take the sign-in state cookie for a session, nor the other way round', () => {
    const cookies = jar();
    const state = { state: 's', nonce: 'n', codeVerifier: 'v', redirectUri: 'http://localhost:3000/auth/callback', returnTo: '/account' };
    writeAuthState(cookies, state, SECRET, false);
    expect(authStateFromCookies(cookies, SECRET)).toEqual(state);
    expect(cookies.written.get(AUTH_COOKIE)?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', maxAge: 600 });

    cookies.values.set(SESSION_COOKIE, cookies.values.get(AUTH_COOKIE)!);
    expect(sessionFromCookies(cookies, SECRET)).toBeNull();
  });
});

describe('sessionSecretFromEnvironment', () => {
  it('demands a secret of at least 32 characters', () => {
    expect(sessionSecretFromEnvironment({ SESSION_SECRET: SECRET })).toBe(SECRET);
    expect(() => sessionSecretFromEnvironment({})).toThrow(SessionConfigurationError);
    expect(() => sessionSecretFromEnvironment({ SESSION_SECRET: 'x'.repeat(31) })).toThrow(/SESSION_SECRET/);
  });
});
