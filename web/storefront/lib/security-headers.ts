/**
 * The storefront's security headers, defined once: the proxy sends them on every page, route and
 * error answer (with a fresh nonce for the Content-Security-Policy each time), next.config.ts sends
 * the ones that need no nonce on the build assets the proxy does not see.
 */
import { randomBytes } from 'node:crypto';
import type { Environment } from './environment';
import { identityPublicOrigin } from './identity-url';

/** Headers that are the same on every answer, build assets included. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // For browsers without CSP frame-ancestors.
  'X-Frame-Options': 'DENY',
};

export const CONTENT_SECURITY_POLICY = 'Content-Security-Policy' as const;
/** The request header that hands the nonce to the page render (Next reads it from the policy as well). */
export const NONCE_HEADER = 'x-nonce';

/** 128 random bits, base64: unguessable, fresh for every request. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * Scripts run only with this request's nonce (Next puts it on its own scripts) or when loaded by such
 * a script; nothing may frame the store; forms post to the store itself and to Identity, where
 * sign-out continues. The development server needs eval and inline styles for its live reload.
 */
export function contentSecurityPolicy(nonce: string, env: Environment = process.env): string {
  const development = env.NODE_ENV === 'development';
  const identity = identityPublicOrigin(env);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", ...(development ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'", ...(identity ? [identity] : [])],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/** Every security header of one answer. */
export function securityHeaders(
  nonce: string,
  env: Environment = process.env,
): Record<string, string> & { [CONTENT_SECURITY_POLICY]: string } {
  return { ...STATIC_SECURITY_HEADERS, [CONTENT_SECURITY_POLICY]: contentSecurityPolicy(nonce, env) };
}

export function withSecurityHeaders<T extends Response>(response: T, headers: Record<string, string>): T {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
