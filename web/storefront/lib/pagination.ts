/** Upper bound of a cursor we accept from the query string; real cursors are far shorter. */
export const MAX_CURSOR_LENGTH = 512;

export const DEFAULT_PAGE_SIZE = 24;
export const MAX_PAGE_SIZE = 100;

/**
 * Reads the opaque `after` cursor from a search parameter value. Anything that is not a
 * single, printable, reasonably short string counts as "first page".
 */
export function cursorFromSearchParam(value: string | string[] | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cursor = value.trim();
  if (cursor === '' || cursor.length > MAX_CURSOR_LENGTH) return undefined;
  if (!/^[\x21-\x7e]+$/.test(cursor)) return undefined;
  return cursor;
}

/** Link to the page that starts after `cursor` (or to the first page when there is none). */
export function pageHref(pathname: string, cursor?: string | null): string {
  if (!cursor) return pathname;
  return `${pathname}?${new URLSearchParams({ after: cursor }).toString()}`;
}

/** Page size from configuration, clamped to what the API allows. */
export function pageSizeFromEnvironment(value: string | undefined): number {
  const parsed = Number.parseInt(value ?? '', 10);
  if (!Number.isFinite(parsed) || parsed < 1) return DEFAULT_PAGE_SIZE;
  return Math.min(parsed, MAX_PAGE_SIZE);
}
