const HOST_HEADER_PATTERN = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * The origin the shopper used, from the Host header (port kept, lower case) and x-forwarded-proto:
 * http unless a proxy in front says https. Null for a missing or malformed Host header. Identity
 * tells the merchant from the host of redirect URIs built on it, so it must be the real host.
 */
export function storeOrigin(hostHeader: string | null | undefined, forwardedProto?: string | null): string | null {
  const host = hostHeader?.trim();
  if (!host || !HOST_HEADER_PATTERN.test(host)) return null;
  const protocol = forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https' ? 'https' : 'http';
  return `${protocol}://${host.toLowerCase()}`;
}

/** storeOrigin of a request's headers. */
export function originOfRequest(headers: { get(name: string): string | null }): string | null {
  return storeOrigin(headers.get('host'), headers.get('x-forwarded-proto'));
}
