import { describe, expect, it } from 'vitest';
import { localReturnPath } from './return-path';

describe('localReturnPath', () => {
  it.each([
    ['/account', '/account'],
    ['/p/trail-runner?size=M#reviews', '/p/trail-runner?size=M#reviews'],
    ['/c/shoes/../../account', '/account'],
    ['/search?q=rain%20jacket', '/search?q=rain%20jacket'],
  ])('keeps the local path %j', (value, expected) => {
    expect(localReturnPath(value)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    '',
    'account',
    'https://evil.example/account',
    'javascript:alert(1)',
    '//evil.example/account',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/%09/evil.example',
    '/%0a/evil.example',
    '/%2F/evil.example',
    '/%2f%2fevil.example',
    '/%5Cevil.example',
    '/%5c%5cevil.example',
    '/%E0%A4%A',
    '/\u0085/evil.example',
  ])('falls back to /account for %j', (value) => {
    expect(localReturnPath(value)).toBe('/account');
  });

  it('falls back for absurdly long paths', () => {
    expect(localReturnPath(`/${'a'.repeat(2_001)}`)).toBe('/account');
  });

  it('uses the fallback it is given', () => {
    expect(localReturnPath('//evil.example', '/')).toBe('/');
  });
});
