import { describe, expect, it } from 'vitest';
import {
  cursorFromSearchParam,
  DEFAULT_PAGE_SIZE,
  MAX_CURSOR_LENGTH,
  MAX_PAGE_SIZE,
  pageHref,
  pageSizeFromEnvironment,
} from './pagination';

describe('cursorFromSearchParam', () => {
  it('accepts an opaque cursor and trims it', () => {
    expect(cursorFromSearchParam('YXJyYXljb25uZWN0aW9uOjIz')).toBe('YXJyYXljb25uZWN0aW9uOjIz');
    expect(cursorFromSearchParam('  abc==  ')).toBe('abc==');
  });

  it('treats missing, repeated, blank, oversized or non-printable values as the first page', () => {
    expect(cursorFromSearchParam(undefined)).toBeUndefined();
    expect(cursorFromSearchParam(['a', 'b'])).toBeUndefined();
    expect(cursorFromSearchParam('   ')).toBeUndefined();
    expect(cursorFromSearchParam('x'.repeat(MAX_CURSOR_LENGTH + 1))).toBeUndefined();
    expect(cursorFromSearchParam('abc def')).toBeUndefined();
    expect(cursorFromSearchParam('abc\u0000')).toBeUndefined();
  });
});

describe('pageHref', () => {
  it('links to the first page without a cursor', () => {
    expect(pageHref('/c/shoes')).toBe('/c/shoes');
    expect(pageHref('/c/shoes', null)).toBe('/c/shoes');
  });

  it('encodes the cursor as the after parameter', () => {
    expect(pageHref('/c/shoes', 'a+b/c=')).toBe('/c/shoes?after=a%2Bb%2Fc%3D');
    const roundTrip = new URL(pageHref('/c/shoes', 'a+b/c='), 'http://store.test').searchParams.get('after');
    expect(roundTrip).toBe('a+b/c=');
  });
});

describe('pageSizeFromEnvironment', () => {
  it('defaults, clamps and ignores nonsense', () => {
    expect(pageSizeFromEnvironment(undefined)).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSizeFromEnvironment('12')).toBe(12);
    expect(pageSizeFromEnvironment('0')).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSizeFromEnvironment('abc')).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSizeFromEnvironment('1000')).toBe(MAX_PAGE_SIZE);
  });
});
