import type { Environment } from './environment';

export const DEFAULT_IDENTITY_URL = 'http://127.0.0.1:5103';

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/** Identity for server-to-server calls. */
export function identityUrl(env: Environment = process.env): string {
  return withoutTrailingSlash(env.IDENTITY_URL?.trim() || DEFAULT_IDENTITY_URL);
}

/** Identity as browsers know it (its issuer): where shoppers sign in, sign up and sign out. */
export function identityPublicUrl(env: Environment = process.env): string {
  return withoutTrailingSlash(env.IDENTITY_PUBLIC_URL?.trim() || identityUrl(env));
}

/** The origin of identityPublicUrl; null when it is not a URL. */
export function identityPublicOrigin(env: Environment = process.env): string | null {
  try {
    return new URL(identityPublicUrl(env)).origin;
  } catch {
    return null;
  }
}
