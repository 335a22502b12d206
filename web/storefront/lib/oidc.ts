/**
 * The storefront as an OpenID Connect client of the Identity service, through the certified
 * openid-client library: authorization code with PKCE (S256), state and nonce, the authorization
 * response's issuer checked (RFC 9207), confidential client (client_secret_post), rotating refresh
 * tokens. Browsers go to IDENTITY_PUBLIC_URL (Identity's issuer); discovery, the code exchange,
 * refreshes and revocation go server to server to IDENTITY_URL.
 */
import * as openid from 'openid-client';
import type { Environment } from './environment';
import { identityPublicUrl, identityUrl } from './identity-url';

export const DEFAULT_CLIENT_ID = 'storefront';
export const SCOPES = 'openid email offline_access';
export const CALLBACK_PATH = '/auth/callback';
const TIMEOUT_MS = 10_000;

export interface OidcClient {
  /** For server-to-server calls. */
  identityUrl: string;
  /** Where browsers are sent: Identity's issuer. */
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

export function oidcClientFromEnvironment(env: Environment = process.env): OidcClient {
  const clientSecret = env.STOREFRONT_CLIENT_SECRET?.trim();
  if (!clientSecret) throw new AuthConfigurationError('STOREFRONT_CLIENT_SECRET must be set for shopper sign-in');
  return {
    identityUrl: identityUrl(env),
    publicUrl: identityPublicUrl(env),
    clientId: env.STOREFRONT_CLIENT_ID?.trim() || DEFAULT_CLIENT_ID,
    clientSecret,
    timeoutMs: TIMEOUT_MS,
  };
}

/** The redirect URI of this store: Identity matches it exactly, so it is built from the request's own origin only. */
export function callbackUrl(origin: string): string {
  return `${origin}${CALLBACK_PATH}`;
}

/** Where Identity sends the browser after ending its session: the store's home page. */
export function postLogoutRedirectUrl(origin: string): string {
  return `${origin}/`;
}

export type OidcErrorKind =
  /** Identity did not answer. */
  | 'unreachable'
  /** Identity answered with an OAuth error (its code is in `error`). */
  | 'rejected'
  /** The callback's state is not the one this browser was sent off with. */
  | 'state-mismatch'
  /** An answer that failed a check: issuer, nonce, audience, signature, shape. */
  | 'invalid-response';

export class OidcError extends Error {
  readonly kind: OidcErrorKind;
  /** The OAuth error code Identity answered with, e.g. invalid_grant or access_denied. */
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

/** The library's failures, told apart the way the storefront reacts to them. */
function oidcError(error: unknown, what: string): OidcError {
  if (error instanceof OidcError) return error;
  if (error instanceof openid.ResponseBodyError) {
    const description = error.error_description ? `: ${error.error_description}` : '';
    return new OidcError('rejected', `Identity refused ${what} (${error.status} ${error.error}${description})`, {
      error: error.error,
      status: error.status,
      cause: error,
    });
  }
  if (error instanceof openid.AuthorizationResponseError) {
    return new OidcError('rejected', `Identity answered ${what} with ${error.error}`, { error: error.error, cause: error });
  }
  const code = (error as { code?: unknown } | null)?.code;
  if ((error instanceof TypeError && code === undefined) || code === 'OAUTH_TIMEOUT' || code === 'OAUTH_ABORT') {
    return new OidcError('unreachable', `Identity is unreachable (${what})`, { cause: error });
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  if (error instanceof openid.ClientError && /"state"/.test(cause)) {
    return new OidcError('state-mismatch', `${what}: ${cause}`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new OidcError('invalid-response', `${what}: ${message}${cause ? ` (${cause})` : ''}`, { cause: error });
}

/**
 * Calls for Identity's issuer go to IDENTITY_URL instead: the browser-facing URLs in Identity's
 * metadata stay as published, the storefront's own calls stay inside the platform's network.
 */
function serverToServerFetch(client: OidcClient): openid.CustomFetch {
  const publicBase = `${client.publicUrl}/`;
  const internalBase = `${client.identityUrl}/`;
  return (url, options) =>
    fetch(url.startsWith(publicBase) ? internalBase + url.slice(publicBase.length) : url, {
      ...options,
      cache: 'no-store',
    } as RequestInit);
}

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$|\.localhost$/;

/** Plain HTTP is tolerated for an Identity on this machine (local runs), nowhere else. */
function allowsPlainHttp(issuer: URL): boolean {
  if (issuer.protocol !== 'http:') return false;
  if (!LOOPBACK_HOST.test(issuer.hostname)) {
    throw new AuthConfigurationError(`IDENTITY_PUBLIC_URL ${issuer.origin} must use https (plain http only on loopback)`);
  }
  return true;
}

/**
 * Identity's metadata, from its discovery document, made into the library's configuration. Identity
 * always names itself in authorization responses (RFC 9207), so a response without `iss` is refused
 * whatever the metadata says; the id_token's signature is checked against Identity's keys as well.
 */
export async function discoverIdentity(client: OidcClient): Promise<openid.Configuration> {
  const issuer = new URL(`${client.publicUrl}/`);
  const plainHttp = allowsPlainHttp(issuer);
  const timeout = Math.ceil(client.timeoutMs / 1000);
  const fetchFromIdentity = serverToServerFetch(client);
  let discovered: openid.Configuration;
  try {
    discovered = await openid.discovery(issuer, client.clientId, undefined, undefined, {
      [openid.customFetch]: fetchFromIdentity,
      execute: plainHttp ? [openid.allowInsecureRequests] : [],
      timeout,
    });
  } catch (error) {
    throw oidcError(error, `the discovery of ${issuer.href}`);
  }
  const { supportsPKCE, ...metadata } = discovered.serverMetadata();
  if (!supportsPKCE('S256')) {
    throw new OidcError('invalid-response', `Identity at ${issuer.href} does not advertise PKCE with S256`);
  }
  const configuration = new openid.Configuration(
    { ...metadata, authorization_response_iss_parameter_supported: true },
    client.clientId,
    undefined,
    openid.ClientSecretPost(client.clientSecret),
  );
  configuration[openid.customFetch] = fetchFromIdentity;
  configuration.timeout = timeout;
  if (plainHttp) openid.allowInsecureRequests(configuration);
  openid.enableNonRepudiationChecks(configuration);
  return configuration;
}

/** Discovery once per process and client; a failed discovery is tried again by the next request. */
export function identityConfigurationCache(discover: typeof discoverIdentity = discoverIdentity) {
  const configurations = new Map<string, Promise<openid.Configuration>>();
  return function configurationFor(client: OidcClient): Promise<openid.Configuration> {
    const key = JSON.stringify([client.identityUrl, client.publicUrl, client.clientId, client.clientSecret]);
    let configuration = configurations.get(key);
    if (!configuration) {
      configuration = discover(client);
      configurations.set(key, configuration);
      configuration.catch(() => {
        if (configurations.get(key) === configuration) configurations.delete(key);
      });
    }
    return configuration;
  };
}

export const identityConfiguration = identityConfigurationCache();

/** What the browser carries to Identity and the storefront keeps (encrypted) until the callback. */
export interface AuthorizationRequest {
  redirectUri: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export function newAuthorizationRequest(redirectUri: string): AuthorizationRequest {
  return {
    redirectUri,
    state: openid.randomState(),
    nonce: openid.randomNonce(),
    codeVerifier: openid.randomPKCECodeVerifier(),
  };
}

/** Identity's authorize URL for this request; "create" opens Identity's sign-up page instead of sign-in. */
export async function authorizationUrl(
  configuration: openid.Configuration,
  request: AuthorizationRequest,
  prompt?: 'create',
): Promise<string> {
  const url = openid.buildAuthorizationUrl(configuration, {
    redirect_uri: request.redirectUri,
    scope: SCOPES,
    state: request.state,
    nonce: request.nonce,
    code_challenge: await openid.calculatePKCECodeChallenge(request.codeVerifier),
    code_challenge_method: 'S256',
    ...(prompt ? { prompt } : {}),
  });
  // Form encoding writes spaces as "+" (a literal "+" is "%2B"); Identity's contract spells them %20.
  return url.href.replace(/\+/g, '%20');
}

export function endSessionUrl(configuration: openid.Configuration, postLogoutRedirectUri: string, idTokenHint: string | null): string {
  return openid.buildEndSessionUrl(configuration, {
    post_logout_redirect_uri: postLogoutRedirectUri,
    ...(idTokenHint ? { id_token_hint: idTokenHint } : {}),
  }).href;
}

export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  idToken: string | null;
  /** Epoch milliseconds. */
  accessTokenExpiresAt: number;
  /** The subject of the id_token, when Identity issued one. */
  sub: string | null;
}

function tokenSet(tokens: openid.TokenEndpointResponse & openid.TokenEndpointResponseHelpers, now: number): TokenSet {
  if (typeof tokens.expires_in !== 'number') {
    throw new OidcError('invalid-response', 'Identity answered the token request without expires_in');
  }
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? null,
    idToken: tokens.id_token ?? null,
    accessTokenExpiresAt: now + tokens.expires_in * 1000,
    sub: tokens.claims()?.sub ?? null,
  };
}

/** The signed-in shopper, from the id_token of the code exchange (its issuer, audience, nonce and signature checked). */
export interface SignedIn {
  tokens: TokenSet & { idToken: string };
  sub: string;
  email: string;
  merchantId: string;
}

/**
 * The callback: checks the authorization response (issuer, state, error), exchanges the code with
 * the PKCE verifier and the client secret, and checks the id_token. `callbackParameters` are the
 * query of the request to the redirect URI; the redirect URI itself is the one sent to Identity.
 */
export async function exchangeCode(
  configuration: openid.Configuration,
  request: AuthorizationRequest,
  callbackParameters: URLSearchParams,
  now = Date.now(),
): Promise<SignedIn> {
  const currentUrl = new URL(request.redirectUri);
  currentUrl.search = callbackParameters.toString();
  let tokens: openid.TokenEndpointResponse & openid.TokenEndpointResponseHelpers;
  try {
    tokens = await openid.authorizationCodeGrant(configuration, currentUrl, {
      expectedState: request.state,
      expectedNonce: request.nonce,
      pkceCodeVerifier: request.codeVerifier,
      idTokenExpected: true,
    });
  } catch (error) {
    throw oidcError(error, 'the sign-in');
  }
  const set = tokenSet(tokens, now);
  const claims = tokens.claims();
  const email = claims?.email;
  const merchant_id = claims?.merchant_id;
  if (!claims || !set.idToken || typeof email !== 'string' || typeof merchant_id !== 'string') {
    throw new OidcError('invalid-response', 'The id_token lacks email or merchant_id');
  }
  return { tokens: { ...set, idToken: set.idToken }, sub: claims.sub, email, merchantId: merchant_id };
}

/** Identity rotates refresh tokens: the answer carries the one to use next time. */
export async function refreshTokens(client: OidcClient, refreshToken: string, now = Date.now()): Promise<TokenSet> {
  const configuration = await identityConfiguration(client);
  try {
    return tokenSet(await openid.refreshTokenGrant(configuration, refreshToken), now);
  } catch (error) {
    throw oidcError(error, 'the refresh_token grant');
  }
}

export async function revokeRefreshToken(client: OidcClient, refreshToken: string): Promise<void> {
  const configuration = await identityConfiguration(client);
  try {
    await openid.tokenRevocation(configuration, refreshToken, { token_type_hint: 'refresh_token' });
  } catch (error) {
    throw oidcError(error, 'the revocation of the refresh token');
  }
}
