import type { GatewayPlugin } from '@graphql-hive/gateway';

/** Browser calls carry no cookies here: callers send a bearer token themselves, so no origin gets credentials. */
const ALLOWED_HEADERS = ['content-type', 'accept', 'authorization', 'x-merchant-id', 'x-request-id', 'traceparent'];
/** How long Identity's answer for one host is reused: short, so a new or removed store host counts soon. */
const STORE_HOST_CACHE_MS = 30_000;
/** An unanswered lookup is retried sooner than a definite one. */
const FAILED_LOOKUP_CACHE_MS = 5_000;
/** Origins are chosen by the caller: bound what remembering them can cost. */
const MAX_CACHED_HOSTS = 10_000;
const LOOKUP_TIMEOUT_MS = 2_000;

const STOREFRONT_CHANNEL_QUERY = 'query GatewayCorsStoreHost($host: String!) { storefrontChannel(host: $host) { host } }';

export interface AllowedOriginsOptions {
  /** First-party origins (the storefront, the admin panel), exactly as browsers send them, e.g. https://admin.example.com. */
  firstPartyOrigins: string[];
  /** Identity's GraphQL endpoint, which knows the store host names (`storefrontChannel(host)`, public). */
  identityGraphqlUrl: string;
}

/** The host name of an http(s) origin, lower case, or null for anything else ("null", file:, garbage). */
function hostOf(origin: string): string | null {
  try {
    const url = new URL(origin);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin) return null;
    return url.hostname.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Cross-origin browser access: allowed for the first-party origins and for the registered store hosts (any
 * merchant's own front end on its own host name), never with credentials; any other origin gets no CORS
 * headers at all, so browsers keep its pages from reading answers. Store hosts are asked of Identity and the
 * answer is cached briefly per host, with concurrent lookups of one host shared.
 */
export function allowedOrigins({ firstPartyOrigins, identityGraphqlUrl }: AllowedOriginsOptions) {
  const firstParty = new Set(firstPartyOrigins);
  const storeHosts = new Map<string, { allowed: Promise<boolean>; expiresAt: number }>();

  async function lookUp(host: string): Promise<boolean> {
    const response = await fetch(identityGraphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: STOREFRONT_CHANNEL_QUERY, variables: { host } }),
      signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`Identity answered ${response.status}`);
    const body = (await response.json()) as { data?: { storefrontChannel?: { host?: string } | null } };
    if (!body.data) throw new Error('Identity answered without data');
    return body.data.storefrontChannel != null;
  }

  function isStoreHost(host: string): Promise<boolean> {
    const now = Date.now();
    const cached = storeHosts.get(host);
    if (cached && cached.expiresAt > now) return cached.allowed;

    if (storeHosts.size >= MAX_CACHED_HOSTS) {
      for (const [key, entry] of storeHosts) if (entry.expiresAt <= now) storeHosts.delete(key);
      // Still full of live entries: drop the oldest (a Map iterates in insertion order).
      if (storeHosts.size >= MAX_CACHED_HOSTS) storeHosts.delete(storeHosts.keys().next().value!);
    }
    const entry = { allowed: Promise.resolve(false), expiresAt: now + STORE_HOST_CACHE_MS };
    entry.allowed = lookUp(host).catch((error: unknown) => {
      console.warn(`[gateway] could not ask Identity whether ${host} is a store host: ${String(error)}`);
      entry.expiresAt = Date.now() + FAILED_LOOKUP_CACHE_MS;
      return false;
    });
    storeHosts.delete(host);
    storeHosts.set(host, entry);
    return entry.allowed;
  }

  async function isAllowed(origin: string): Promise<boolean> {
    if (firstParty.has(origin)) return true;
    const host = hostOf(origin);
    return host !== null && (await isStoreHost(host));
  }

  return {
    /** For the gateway's `cors` option: the caller's own origin when allowed, else no CORS headers. */
    cors: async (request: Request) => {
      const origin = request.headers.get('origin');
      if (origin === null || !(await isAllowed(origin))) return false as const;
      return { origin, credentials: false, methods: ['GET', 'POST'], allowedHeaders: ALLOWED_HEADERS, maxAge: 600 };
    },
    /** Answers differ by origin, so shared caches must keep them apart. */
    plugin: {
      onResponse({ response }) {
        const vary = response.headers.get('vary');
        if (!vary?.toLowerCase().split(/\s*,\s*/).includes('origin')) response.headers.set('vary', vary ? `${vary}, Origin` : 'Origin');
      },
    } satisfies GatewayPlugin,
  };
}
