/** Where a shopper lands after signing in when the link named no (acceptable) page. */
export const DEFAULT_RETURN_PATH = '/account';

const MAX_RETURN_PATH_LENGTH = 2_000;
// Control characters, and backslashes, which browsers read as "/" in a URL.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * A path on this store to continue to after signing in: only a local absolute path counts, so a
 * crafted link cannot send the shopper elsewhere ("//evil.example", "/\\evil.example", "https:…").
 * The path is checked as written and once percent-decoded, because a page or a proxy further on
 * may decode it ("/%09/evil.example", "/%2F%2Fevil.example" and "/%5Cevil.example" turn into one).
 */
export function localReturnPath(value: string | null | undefined, fallback = DEFAULT_RETURN_PATH): string {
  if (!value || value.length > MAX_RETURN_PATH_LENGTH) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  for (const form of [value, decoded]) {
    if (!form.startsWith('/') || form.startsWith('//') || UNSAFE_CHARACTERS.test(form)) return fallback;
  }
  try {
    const resolved = new URL(value, 'http://store.invalid');
    if (resolved.origin !== 'http://store.invalid' || resolved.pathname.startsWith('//')) return fallback;
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return fallback;
  }
}
