/**
 * The shopper's session and the sign-in state live in cookies the browser cannot read: AES-256-GCM
 * with a key derived (HKDF) from SESSION_SECRET, the cookie name bound in as associated data so one
 * cookie's value is worthless under another name. Tokens never reach browser storage or client
 * components; pages get the email and the CSRF token at most.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { cookies } from 'next/headers';
import type { Environment } from './environment';

export const SESSION_COOKIE = 'uc_storefront_session';
export const AUTH_COOKIE = 'uc_storefront_auth';

/** The authorization round trip through Identity must finish within this. */
export const AUTH_COOKIE_MAX_AGE_SECONDS = 10 * 60;
/** Identity's refresh tokens are assumed to live this long; each refresh renews the cookie. */
export const SESSION_COOKIE_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

export const MIN_SESSION_SECRET_LENGTH = 32;

/** A signed-in shopper. Kept only inside the encrypted session cookie. */
export interface Session {
  accessToken: string;
  /** Epoch milliseconds. */
  accessTokenExpiresAt: number;
  /** Null when Identity issued none: the session then ends with the access token. */
  refreshToken: string | null;
  idToken: string;
  sub: string;
  email: string;
  /** Bound to this session; forms that change state send it back (see csrf.ts). */
  csrfToken: string;
}

/** What the storefront remembers between sending the shopper to Identity and the callback. */
export interface AuthState {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  returnTo: string;
}

export class SessionConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionConfigurationError';
  }
}

/** SESSION_SECRET, or a SessionConfigurationError when it is missing or too short to be a key. */
export function sessionSecretFromEnvironment(env: Environment = process.env): string {
  const secret = env.SESSION_SECRET ?? '';
  if (secret.length < MIN_SESSION_SECRET_LENGTH) {
    throw new SessionConfigurationError(
      `SESSION_SECRET must be set to at least ${MIN_SESSION_SECRET_LENGTH} characters for shopper sign-in`,
    );
  }
  return secret;
}

const keys = new Map<string, Buffer>();

function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'uc-storefront', 'cookie encryption v1', 32));
    keys.set(secret, key);
  }
  return key;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts a JSON value for the cookie `name`, valid until `now + maxAgeSeconds` whatever the
 * browser does with the cookie's own expiry. Compressed first: tokens are large and cookies are not.
 */
export function seal(name: string, value: unknown, secret: string, maxAgeSeconds: number, now = Date.now()): string {
  const plain = deflateRawSync(Buffer.from(JSON.stringify({ exp: now + maxAgeSeconds * 1000, value }), 'utf8'));
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret), iv);
  cipher.setAAD(Buffer.from(name, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64url')}`;
}

/** The value sealed for the cookie `name`; null when it was altered, made for another name or key, or expired. */
export function unseal<T>(name: string, sealed: string | undefined, secret: string, now = Date.now()): T | null {
  if (!sealed?.startsWith(`${VERSION}.`)) return null;
  const bytes = Buffer.from(sealed.slice(VERSION.length + 1), 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(name, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    const { exp, value } = JSON.parse(inflateRawSync(plain).toString('utf8')) as { exp?: unknown; value?: T };
    if (typeof exp !== 'number' || exp <= now || value === undefined) return null;
    return value;
  } catch {
    return null;
  }
}

// Browsers keep about 4 KB per cookie; three tokens may not fit, so long values are split over
// `name`, `name.1`, `name.2`, … and joined again on reading.
export const COOKIE_CHUNK_LENGTH = 3_800;
export const MAX_COOKIE_CHUNKS = 6;

export function chunkName(name: string, index: number): string {
  return index === 0 ? name : `${name}.${index}`;
}

export interface CookieReader {
  get(name: string): { value: string } | undefined;
}

export interface CookieOptions {
  httpOnly: boolean;
  sameSite: 'lax';
  secure: boolean;
  path: string;
  maxAge: number;
}

export interface CookieWriter {
  set(name: string, value: string, options: CookieOptions): unknown;
}

export function cookieOptions(secure: boolean, maxAge: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge };
}

/** Whether cookies must be `Secure`: the shopper reached the store over https. */
export function isSecureOrigin(origin: string): boolean {
  return origin.startsWith('https:');
}

/** The joined value of a possibly chunked cookie; undefined when absent or cleared. */
export function readChunkedCookie(cookies: CookieReader, name: string): string | undefined {
  let joined = '';
  for (let index = 0; index < MAX_COOKIE_CHUNKS; index++) {
    const part = cookies.get(chunkName(name, index))?.value;
    if (!part) break;
    joined += part;
  }
  return joined || undefined;
}

/** Writes the value in as many chunks as it needs and clears chunks left over from a longer value. */
export function writeChunkedCookie(
  cookies: CookieReader & CookieWriter,
  name: string,
  value: string,
  options: CookieOptions,
): void {
  const count = Math.ceil(value.length / COOKIE_CHUNK_LENGTH);
  if (count > MAX_COOKIE_CHUNKS) throw new Error(`Cookie ${name} would need ${count} chunks`);
  for (let index = 0; index < MAX_COOKIE_CHUNKS; index++) {
    const chunk = chunkName(name, index);
    if (index < count) {
      cookies.set(chunk, value.slice(index * COOKIE_CHUNK_LENGTH, (index + 1) * COOKIE_CHUNK_LENGTH), options);
    } else if (cookies.get(chunk)?.value) {
      cookies.set(chunk, '', { ...options, maxAge: 0 });
    }
  }
}

export function clearChunkedCookie(cookies: CookieReader & CookieWriter, name: string, secure: boolean): void {
  for (let index = 0; index < MAX_COOKIE_CHUNKS; index++) {
    const chunk = chunkName(name, index);
    if (index === 0 || cookies.get(chunk)?.value) cookies.set(chunk, '', cookieOptions(secure, 0));
  }
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const session = value as Record<string, unknown>;
  return (
    typeof session.accessToken === 'string' &&
    typeof session.accessTokenExpiresAt === 'number' &&
    (session.refreshToken === null || typeof session.refreshToken === 'string') &&
    typeof session.idToken === 'string' &&
    typeof session.sub === 'string' &&
    typeof session.email === 'string' &&
    typeof session.csrfToken === 'string'
  );
}

/** The session in a request's cookies; null when there is none or it cannot be trusted. */
export function sessionFromCookies(cookies: CookieReader, secret: string, now = Date.now()): Session | null {
  const value = unseal<unknown>(SESSION_COOKIE, readChunkedCookie(cookies, SESSION_COOKIE), secret, now);
  return isSession(value) ? value : null;
}

export function writeSession(
  cookies: CookieReader & CookieWriter,
  session: Session,
  secret: string,
  secure: boolean,
  now = Date.now(),
): void {
  const sealed = seal(SESSION_COOKIE, session, secret, SESSION_COOKIE_MAX_AGE_SECONDS, now);
  writeChunkedCookie(cookies, SESSION_COOKIE, sealed, cookieOptions(secure, SESSION_COOKIE_MAX_AGE_SECONDS));
}

export function clearSession(cookies: CookieReader & CookieWriter, secure: boolean): void {
  clearChunkedCookie(cookies, SESSION_COOKIE, secure);
}

function isAuthState(value: unknown): value is AuthState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  return ['state', 'nonce', 'codeVerifier', 'redirectUri', 'returnTo'].every((key) => typeof state[key] === 'string');
}

export function authStateFromCookies(cookies: CookieReader, secret: string, now = Date.now()): AuthState | null {
  const value = unseal<unknown>(AUTH_COOKIE, cookies.get(AUTH_COOKIE)?.value, secret, now);
  return isAuthState(value) ? value : null;
}

export function writeAuthState(cookies: CookieWriter, state: AuthState, secret: string, secure: boolean): void {
  const sealed = seal(AUTH_COOKIE, state, secret, AUTH_COOKIE_MAX_AGE_SECONDS);
  cookies.set(AUTH_COOKIE, sealed, cookieOptions(secure, AUTH_COOKIE_MAX_AGE_SECONDS));
}

export function clearAuthState(cookies: CookieWriter, secure: boolean): void {
  cookies.set(AUTH_COOKIE, '', cookieOptions(secure, 0));
}

let warnedAboutSecret = false;

/** SESSION_SECRET, or null (said once in the log) where sign-in is not configured. */
export function configuredSessionSecret(env: Environment = process.env): string | null {
  try {
    return sessionSecretFromEnvironment(env);
  } catch (error) {
    if (!warnedAboutSecret) {
      warnedAboutSecret = true;
      console.warn(`[session] ${(error as Error).message}; every shopper counts as signed out`);
    }
    return null;
  }
}

/**
 * The signed-in shopper of the current request, for server components: null when signed out. The
 * access token may have expired; pages that call Identity get a fresh one from the proxy.
 */
export async function readSession(): Promise<Session | null> {
  const secret = configuredSessionSecret();
  return secret ? sessionFromCookies(await cookies(), secret) : null;
}
