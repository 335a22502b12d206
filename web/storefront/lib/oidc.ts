/**
 * The storefront as an OpenID Connect client of the Identity service: authorization code with PKCE
 * (S256), confidential client. Browsers go to IDENTITY_PUBLIC_URL; the code exchange, refreshes and
 * revocation go server to server to IDENTITY_URL.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Environment } from './environment';

export const DEFAULT_IDENTITY_URL = 'http://127.0.0.1:5103';
export const DEFAULT_CLIENT_ID = 'storefront';
export const SCOPES = 'openid email offline_access';
export const CALLBACK_PATH = '/auth/callback';
export const DEFAULT_RETURN_PATH = '/account';
const TIMEOUT_MS = 10_000;

export interface OidcClient {
  /** For server-to-server calls. */
  identityUrl: string;
  /** Where browsers are sent. */
  publicUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
}

export class AuthConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthConfigurationError';
  }
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

export function oidcClientFromEnvironment(env: Environment = process.env): OidcClient {
  const clientSecret = env.STOREFRONT_CLIENT_SECRET?.trim();
  if (!clientSecret) throw new AuthConfigurationError('STOREFRONT_CLIENT_SECRET must be set for shopper sign-in');
  const identityUrl = withoutTrailingSlash(env.IDENTITY_URL?.trim() || DEFAULT_IDENTITY_URL);
  return {
    identityUrl,
    publicUrl: withoutTrailingSlash(env.IDENTITY_PUBLIC_URL?.trim() || identityUrl),
    clientId: env.STOREFRONT_CLIENT_ID?.trim() || DEFAULT_CLIENT_ID,
    clientSecret,
    timeoutMs: TIMEOUT_MS,
  };
}

/** A random, URL-safe value with 256 bits of entropy: state, nonce, code verifier, CSRF token. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))). */
export function pkceChallenge(codeVerifier: string): string {
  return createHash('sha256').update(codeVerifier, 'ascii').digest('base64url');
}

/** Constant-time comparison of two strings, for state values and CSRF tokens. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/**
 * A path on this store to continue to after signing in: only a local absolute path counts, so a
 * crafted link cannot send the shopper elsewhere ("//evil.example", "/\\evil.example", "https:…").
 */
export function localReturnPath(value: string | null | undefined, fallback = DEFAULT_RETURN_PATH): string {
  if (!value || value.length > 2_000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  try {
    const resolved = new URL(value, 'http://store.invalid');
    if (resolved.origin !== 'http://store.invalid') return fallback;
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return fallback;
  }
}

export function callbackUrl(origin: string): string {
  return `${origin}${CALLBACK_PATH}`;
}

export interface AuthorizeRequest {
  redirectUri: string;
  state: string;
  nonce: string;
  codeChallenge: string;
  /** "create" opens Identity's sign-up page instead of sign-in. */
  prompt?: 'create';
}

export function authorizeUrl(client: OidcClient, request: AuthorizeRequest): string {
  const query = new URLSearchParams({
    client_id: client.clientId,
    response_type: 'code',
    redirect_uri: request.redirectUri,
    scope: SCOPES,
    state: request.state,
    nonce: request.nonce,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
  });
  if (request.prompt) query.set('prompt', request.prompt);
  // URLSearchParams writes spaces as "+"; Identity's contract spells them %20.
  return `${client.publicUrl}/connect/authorize?${query.toString().replace(/\+/g, '%20')}`;
}

export function endSessionUrl(client: OidcClient, postLogoutRedirectUri: string, idTokenHint: string | null): string {
  const query = new URLSearchParams({ client_id: client.clientId, post_logout_redirect_uri: postLogoutRedirectUri });
  if (idTokenHint) query.set('id_token_hint', idTokenHint);
  return `${client.publicUrl}/connect/endsession?${query.toString()}`;
}

export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  idToken: string | null;
  /** Epoch milliseconds. */
  accessTokenExpiresAt: number;
}

export type OidcErrorKind = 'unreachable' | 'rejected' | 'invalid-response';

export class OidcError extends Error {
  readonly kind: OidcErrorKind;
  /** The OAuth error code Identity answered with, e.g. invalid_grant. */
  readonly error: string | undefined;
  readonly status: number | undefined;

  constructor(kind: OidcErrorKind, message: string, options: { error?: string; status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'OidcError';
    this.kind = kind;
    this.error = options.error;
    this.status = options.status;
  }

  /** The grant is dead (revoked, expired, reused): the session it belongs to is over. */
  get isInvalidGrant(): boolean {
    return this.error === 'invalid_grant';
  }
}

async function postForm(client: OidcClient, path: string, form: Record<string, string>): Promise<Response> {
  try {
    return await fetch(`${client.identityUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ ...form, client_id: client.clientId, client_secret: client.clientSecret }),
      cache: 'no-store',
      signal: AbortSignal.timeout(client.timeoutMs),
    });
  } catch (cause) {
    throw new OidcError('unreachable', `Identity at ${client.identityUrl} is unreachable (${path})`, { cause });
  }
}

async function tokenRequest(client: OidcClient, form: Record<string, string>, now: number): Promise<TokenSet> {
  const response = await postForm(client, '/connect/token', form);
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok) {
    const error = typeof body?.error === 'string' ? body.error : undefined;
    const description = typeof body?.error_description === 'string' ? `: ${body.error_description}` : '';
    throw new OidcError('rejected', `Identity refused the ${form.grant_type} grant (${response.status} ${error ?? ''}${description})`, {
      error,
      status: response.status,
    });
  }
  const { access_token, refresh_token, id_token, expires_in } = body ?? {};
  if (typeof access_token !== 'string' || typeof expires_in !== 'number') {
    throw new OidcError('invalid-response', 'Identity answered the token request without access_token and expires_in', {
      status: response.status,
    });
  }
  return {
    accessToken: access_token,
    refreshToken: typeof refresh_token === 'string' ? refresh_token : null,
    idToken: typeof id_token === 'string' ? id_token : null,
    accessTokenExpiresAt: now + expires_in * 1000,
  };
}

export function exchangeCode(
  client: OidcClient,
  request: { code: string; redirectUri: string; codeVerifier: string },
  now = Date.now(),
): Promise<TokenSet> {
  return tokenRequest(
    client,
    {
      grant_type: 'authorization_code',
      code: request.code,
      redirect_uri: request.redirectUri,
      code_verifier: request.codeVerifier,
    },
    now,
  );
}

/** Identity rotates refresh tokens: the answer carries the one to use next time. */
export function refreshTokens(client: OidcClient, refreshToken: string, now = Date.now()): Promise<TokenSet> {
  return tokenRequest(client, { grant_type: 'refresh_token', refresh_token: refreshToken }, now);
}

export async function revokeRefreshToken(client: OidcClient, refreshToken: string): Promise<void> {
  const response = await postForm(client, '/connect/revoke', { token: refreshToken, token_type_hint: 'refresh_token' });
  if (!response.ok) {
    throw new OidcError('rejected', `Identity did not revoke the refresh token (${response.status})`, {
      status: response.status,
    });
  }
}

export interface IdTokenClaims {
  sub: string;
  email: string;
  merchantId: string;
  nonce: string | undefined;
  aud: string[];
}

/**
 * The claims of an id_token. Its signature is not checked: the token came straight from Identity's
 * token endpoint over a server-to-server TLS connection authenticated with the client secret
 * (OpenID Connect Core 3.1.3.7). The caller still checks nonce, audience and merchant.
 */
export function decodeIdToken(idToken: string): IdTokenClaims {
  const payload = idToken.split('.')[1];
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch (cause) {
    throw new OidcError('invalid-response', 'The id_token is not a JWT', { cause });
  }
  const { sub, email, merchant_id, nonce, aud } = claims ?? {};
  if (typeof sub !== 'string' || sub === '' || typeof email !== 'string' || typeof merchant_id !== 'string') {
    throw new OidcError('invalid-response', 'The id_token lacks sub, email or merchant_id');
  }
  return {
    sub,
    email,
    merchantId: merchant_id,
    nonce: typeof nonce === 'string' ? nonce : undefined,
    aud: typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((entry) => typeof entry === 'string') : [],
  };
}
