/**
 * Forms that change the shopper's account (change password, delete account, sign out) carry a
 * token bound to the session: it is made at sign-in, kept inside the encrypted session cookie and
 * written into those forms only, so another site can neither read nor guess it. As a second line,
 * a request whose Origin header names another site is refused even with a valid token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Session } from './session';

export { CSRF_FIELD } from './csrf-field';

/** A random, URL-safe token with 256 bits of entropy. */
export function createCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; never matches empty values. */
function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

export type CsrfRejection = 'foreign-origin' | 'no-session' | 'bad-token';

export interface CsrfCheck {
  session: Pick<Session, 'csrfToken'> | null;
  /** The token the form sent. */
  submitted: FormDataEntryValue | null | undefined;
  /** The request's Origin header; browsers omit it on some same-origin requests. */
  originHeader: string | null | undefined;
  /** This store's origin, as the shopper reached it. */
  storeOrigin: string;
}

/** Why a state-changing request must be refused, or null when it may go ahead. */
export function csrfRejection({ session, submitted, originHeader, storeOrigin }: CsrfCheck): CsrfRejection | null {
  if (originHeader && originHeader.toLowerCase() !== storeOrigin.toLowerCase()) return 'foreign-origin';
  if (!session) return 'no-session';
  if (typeof submitted !== 'string' || !sameSecret(submitted, session.csrfToken)) return 'bad-token';
  return null;
}
