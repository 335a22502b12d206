import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, securityHeaders } from './security-headers';

describe('contentSecurityPolicy', () => {
  it('lets scripts run by nonce only, forbids framing and lets forms go to the store and Identity', () => {
    expect(contentSecurityPolicy('abc', { IDENTITY_URL: 'http://127.0.0.1:5103', IDENTITY_PUBLIC_URL: 'https://id.example.com/shop/' })).toBe(
      [
        "default-src 'self'",
        "script-src 'self' 'nonce-abc' 'strict-dynamic'",
        "style-src 'self' 'nonce-abc'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self' https://id.example.com",
        "frame-ancestors 'none'",
      ].join('; '),
    );
  });

  it('sends forms to the Identity servers are configured with by default', () => {
    expect(contentSecurityPolicy('abc', {})).toContain("form-action 'self' http://127.0.0.1:5103;");
    expect(contentSecurityPolicy('abc', { IDENTITY_URL: 'http://identity:8080' })).toContain("form-action 'self' http://identity:8080;");
  });

  it('allows eval and inline styles for the development server only', () => {
    const development = contentSecurityPolicy('abc', { NODE_ENV: 'development' });
    expect(development).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic' 'unsafe-eval';");
    expect(development).toContain("style-src 'self' 'unsafe-inline';");
    expect(contentSecurityPolicy('abc', { NODE_ENV: 'production' })).not.toContain('unsafe');
  });
});

describe('securityHeaders', () => {
  it('adds nosniff, the referrer policy and a frame ban to the policy', () => {
    expect(securityHeaders('abc', {})).toEqual({
      'Content-Security-Policy': contentSecurityPolicy('abc', {}),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    });
  });

  it('makes a new nonce of 128 bits every time', () => {
    const nonce = newNonce();
    expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
    expect(newNonce()).not.toBe(nonce);
  });
});
