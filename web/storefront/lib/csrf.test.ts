import { describe, expect, it } from 'vitest';
import { createCsrfToken, csrfRejection } from './csrf';

const STORE = 'http://localhost:3000';
const session = { csrfToken: createCsrfToken() };

describe('csrfRejection', () => {
  it('accepts the session’s own token from the store’s own origin, or without an Origin header', () => {
    expect(csrfRejection({ session, submitted: session.csrfToken, originHeader: STORE, storeOrigin: STORE })).toBeNull();
    expect(csrfRejection({ session, submitted: session.csrfToken, originHeader: 'HTTP://LOCALHOST:3000', storeOrigin: STORE })).toBeNull();
    expect(csrfRejection({ session, submitted: session.csrfToken, originHeader: null, storeOrigin: STORE })).toBeNull();
  });

  it('refuses another origin even with the right token', () => {
    for (const originHeader of ['https://evil.example', 'http://globex.localhost:3000', 'http://localhost:3001', 'null']) {
      expect(csrfRejection({ session, submitted: session.csrfToken, originHeader, storeOrigin: STORE })).toBe('foreign-origin');
    }
  });

  it('refuses a missing, wrong or other session’s token', () => {
    for (const submitted of [null, undefined, '', 'guess', createCsrfToken(), new File(['x'], 'x')]) {
      expect(csrfRejection({ session, submitted, originHeader: STORE, storeOrigin: STORE })).toBe('bad-token');
    }
  });

  it('has nothing to check without a session', () => {
    expect(csrfRejection({ session: null, submitted: 'anything', originHeader: STORE, storeOrigin: STORE })).toBe('no-session');
  });

  it('makes a new random token each time', () => {
    expect(createCsrfToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createCsrfToken()).not.toBe(createCsrfToken());
  });
});
