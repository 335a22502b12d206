/**
 * The shopper's own account, called with the shopper's access token: sign-in matters (email, password,
 * deletion) at the Identity service, the profile (name, phone) at the Customers service through the gateway.
 */
import { GatewayError, gatewayOptionsFromEnvironment, queryGateway, type GatewayOptions } from './gateway';
import type { OidcClient } from './oidc';

export interface Account {
  id: string;
  email: string;
  emailVerified: boolean;
  createdAt: string;
}

export class AccountApiError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'AccountApiError';
  }
}

/** Identity no longer accepts the access token: the shopper has to sign in again. */
export const UNAUTHORIZED = 'unauthorized';

export interface PasswordErrors {
  currentPassword?: string[];
  newPassword?: string[];
}

export type PasswordChange =
  | { outcome: 'changed' }
  | { outcome: 'invalid'; errors: PasswordErrors; detail: string | null }
  | { outcome: typeof UNAUTHORIZED };

async function callAccountApi(
  client: OidcClient,
  accessToken: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<Response> {
  try {
    return await fetch(`${client.identityUrl}/api/v1/account${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        accept: 'application/json, application/problem+json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      signal: AbortSignal.timeout(client.timeoutMs),
    });
  } catch (cause) {
    throw new AccountApiError(`Identity at ${client.identityUrl} is unreachable (${method} account${path})`, { cause });
  }
}

async function failure(response: Response, what: string): Promise<AccountApiError> {
  const text = await response.text().catch(() => '');
  return new AccountApiError(`${what}: Identity answered ${response.status} ${text.slice(0, 500)}`);
}

export async function fetchAccount(client: OidcClient, accessToken: string): Promise<Account | typeof UNAUTHORIZED> {
  const response = await callAccountApi(client, accessToken, 'GET', '');
  if (response.status === 401) return UNAUTHORIZED;
  if (!response.ok) throw await failure(response, 'Reading the account failed');
  const account = (await response.json()) as Partial<Account>;
  if (typeof account.email !== 'string' || typeof account.emailVerified !== 'boolean') {
    throw new AccountApiError('Identity answered with an account without email or emailVerified');
  }
  return {
    id: String(account.id ?? ''),
    email: account.email,
    emailVerified: account.emailVerified,
    createdAt: String(account.createdAt ?? ''),
  };
}

function messages(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : undefined;
}

/** On success Identity has revoked every refresh token of the account: the caller ends the session. */
export async function changePassword(
  client: OidcClient,
  accessToken: string,
  passwords: { currentPassword: string; newPassword: string },
): Promise<PasswordChange> {
  const response = await callAccountApi(client, accessToken, 'POST', '/password', passwords);
  if (response.ok) return { outcome: 'changed' };
  if (response.status === 401) return { outcome: UNAUTHORIZED };
  if (response.status === 400) {
    // RFC 9457 problem details with field errors.
    const problem = (await response.json().catch(() => ({}))) as { detail?: unknown; title?: unknown; errors?: Record<string, unknown> };
    const errors = Object.fromEntries(
      Object.entries(problem.errors ?? {}).map(([field, list]) => [field.charAt(0).toLowerCase() + field.slice(1), messages(list)]),
    ) as Record<string, string[] | undefined>;
    const detail = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : null;
    return {
      outcome: 'invalid',
      errors: { currentPassword: errors.currentPassword, newPassword: errors.newPassword },
      detail,
    };
  }
  throw await failure(response, 'Changing the password failed');
}

export async function deleteAccount(client: OidcClient, accessToken: string): Promise<'deleted' | typeof UNAUTHORIZED> {
  const response = await callAccountApi(client, accessToken, 'DELETE', '');
  if (response.status === 401) return UNAUTHORIZED;
  if (!response.ok) throw await failure(response, 'Deleting the account failed');
  return 'deleted';
}

/** What the shopper keeps about themselves at the store. */
export interface Profile {
  name: string | null;
  phone: string | null;
}

export interface ProfileErrors {
  name?: string[];
  phone?: string[];
}

export type ProfileUpdate =
  | { outcome: 'updated'; profile: Profile }
  | { outcome: 'invalid'; errors: ProfileErrors; detail: string | null }
  | { outcome: typeof UNAUTHORIZED };

const MY_PROFILE = 'query MyProfile { myProfile { name phone } }';
const UPDATE_MY_PROFILE =
  'mutation UpdateMyProfile($input: ProfileInput!) { updateMyProfile(input: $input) { name phone } }';

function profileFrom(value: unknown): Profile {
  const profile = (value ?? {}) as { name?: unknown; phone?: unknown };
  return {
    name: typeof profile.name === 'string' ? profile.name : null,
    phone: typeof profile.phone === 'string' ? profile.phone : null,
  };
}

function errorCode(error: GatewayError): unknown {
  return error.errors[0]?.extensions?.code;
}

/**
 * The shopper's profile; null while the sign-up is still on its way to the Customers service (it
 * follows within moments of creating the account).
 */
export async function fetchProfile(
  accessToken: string,
  options: GatewayOptions = gatewayOptionsFromEnvironment(),
): Promise<Profile | null | typeof UNAUTHORIZED> {
  try {
    const data = await queryGateway<{ myProfile: unknown }>(
      { operationName: 'MyProfile', query: MY_PROFILE, accessToken },
      options,
    );
    return data.myProfile ? profileFrom(data.myProfile) : null;
  } catch (error) {
    if (error instanceof GatewayError && errorCode(error) === 'UNAUTHENTICATED') return UNAUTHORIZED;
    throw error;
  }
}

/** Invalid input comes back field by field (the service's BAD_USER_INPUT errors); nothing is changed then. */
export async function updateProfile(
  accessToken: string,
  input: { name: string; phone: string },
  options: GatewayOptions = gatewayOptionsFromEnvironment(),
): Promise<ProfileUpdate> {
  try {
    const data = await queryGateway<{ updateMyProfile: unknown }>(
      { operationName: 'UpdateMyProfile', query: UPDATE_MY_PROFILE, variables: { input }, accessToken },
      options,
    );
    return { outcome: 'updated', profile: profileFrom(data.updateMyProfile) };
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    const code = errorCode(error);
    if (code === 'UNAUTHENTICATED') return { outcome: UNAUTHORIZED };
    if (code === 'BAD_USER_INPUT') {
      const fields = (error.errors[0]?.extensions?.fields ?? {}) as Record<string, unknown>;
      const errors: ProfileErrors = { name: messages(fields.name), phone: messages(fields.phone) };
      return {
        outcome: 'invalid',
        errors,
        detail: errors.name || errors.phone ? null : (error.errors[0]?.message ?? null),
      };
    }
    if (code === 'NOT_FOUND') {
      return { outcome: 'invalid', errors: {}, detail: 'Your profile is not ready yet. Try again in a moment.' };
    }
    throw error;
  }
}
