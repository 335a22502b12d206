import {
  GatewayError,
  gatewayOptionsFromEnvironment,
  queryGateway,
  type GatewayOptions,
  type GatewayRequest,
} from './gateway';

export type MerchantStatus = 'ACTIVE' | 'SUSPENDED';

export interface Merchant {
  id: string;
  name: string;
  defaultCurrency: string;
  status: MerchantStatus;
}

/**
 * A sales channel: the store served on a host name. One deployment serves every merchant and the
 * Host header picks the store; the Identity service owns which host belongs to which merchant, and
 * the gateway answers for it.
 */
export interface Channel {
  host: string;
  merchant: Merchant;
}

/** How long one host's answer is reused: short, so a suspension or a new host name applies within seconds. */
export const CHANNEL_REVALIDATE_SECONDS = 5;

/** Cache tag of the stored answer for one host, to revalidate it as soon as its merchant changes. */
export function channelCacheTag(host: string): string {
  return `channel:${host}`;
}

const STOREFRONT_CHANNEL_QUERY = `
  query StorefrontChannel($host: String!) {
    storefrontChannel(host: $host) {
      host
      merchant { id name defaultCurrency status }
    }
  }`;

const MERCHANT_STATUSES: readonly string[] = ['ACTIVE', 'SUSPENDED'] satisfies MerchantStatus[];

/**
 * Reduces a Host header value to the bare host name used as the channel key:
 * lower case, no port, no trailing dot. Returns null for a missing or malformed value.
 */
export function hostNameFromHeader(hostHeader: string | null | undefined): string | null {
  if (!hostHeader) return null;
  let value = hostHeader.trim().toLowerCase();
  if (value === '') return null;

  if (value.startsWith('[')) {
    // IPv6 literal, e.g. "[::1]:3000": keep the bracketed address, drop the port.
    const end = value.indexOf(']');
    if (end === -1) return null;
    const rest = value.slice(end + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return null;
    return value.slice(0, end + 1);
  }

  const colon = value.indexOf(':');
  if (colon !== -1) {
    const port = value.slice(colon + 1);
    if (!/^\d{1,5}$/.test(port)) return null;
    value = value.slice(0, colon);
  }
  if (value.endsWith('.')) value = value.slice(0, -1);
  if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(value)) return null;
  return value;
}

/** The gateway request that looks up one (already normalized) host. */
export function channelRequest(host: string, options: GatewayOptions): GatewayRequest {
  return {
    operationName: 'StorefrontChannel',
    query: STOREFRONT_CHANNEL_QUERY,
    variables: { host },
    cache: {
      // STOREFRONT_REVALIDATE_SECONDS=0 switches this cache off as well.
      revalidateSeconds: Math.min(CHANNEL_REVALIDATE_SECONDS, options.revalidateSeconds),
      tags: [channelCacheTag(host)],
    },
  };
}

function isChannel(value: unknown): value is Channel {
  if (typeof value !== 'object' || value === null) return false;
  const { host, merchant } = value as Partial<Record<keyof Channel, unknown>>;
  if (typeof host !== 'string' || typeof merchant !== 'object' || merchant === null) return false;
  const { id, name, defaultCurrency, status } = merchant as Partial<Record<keyof Merchant, unknown>>;
  return (
    typeof id === 'string' &&
    id !== '' &&
    typeof name === 'string' &&
    typeof defaultCurrency === 'string' &&
    typeof status === 'string' &&
    MERCHANT_STATUSES.includes(status)
  );
}

/**
 * The store on a normalized host name, or null when no store uses it. Throws a GatewayError (already
 * logged) when the gateway cannot say: serving a store on a guess would be worse than an error page.
 */
export async function lookupChannel(
  host: string,
  options: GatewayOptions = gatewayOptionsFromEnvironment(),
): Promise<Channel | null> {
  const request = channelRequest(host, options);
  const data = await queryGateway<{ storefrontChannel?: unknown }>(request, options);
  const channel = data.storefrontChannel;
  if (channel === null) return null;
  if (!isChannel(channel)) {
    const error = new GatewayError('invalid-response', `Gateway returned a malformed store for host "${host}"`);
    options.logger.error('request failed', {
      operation: request.operationName,
      variables: request.variables,
      kind: error.kind,
      message: error.message,
    });
    throw error;
  }
  return channel;
}

/** The store for a request's Host header; null for a malformed header or a host no store uses. */
export async function resolveChannel(
  hostHeader: string | null | undefined,
  options: GatewayOptions = gatewayOptionsFromEnvironment(),
): Promise<Channel | null> {
  const host = hostNameFromHeader(hostHeader);
  return host ? lookupChannel(host, options) : null;
}

export interface RememberingResolverOptions {
  /** Upper bound of hosts remembered at once, so arbitrary Host headers cannot grow memory without end. */
  maxHosts?: number;
  /** Milliseconds clock, replaceable in tests. */
  now?: () => number;
}

export const DEFAULT_REMEMBERED_HOSTS = 1_000;

/**
 * resolveChannel with a memory of recent answers per host, for the same few seconds as the data
 * cache. The proxy needs this: Next gives it a fresh cache without storage on every request, so
 * `next.revalidate` on its fetches caches nothing. Concurrent requests for one host share one
 * lookup; failures are not remembered, so the next request asks again.
 */
export function rememberingChannelResolver({
  maxHosts = DEFAULT_REMEMBERED_HOSTS,
  now = Date.now,
}: RememberingResolverOptions = {}) {
  const answers = new Map<string, { expiresAt: number; channel: Promise<Channel | null> }>();

  return function resolveRemembered(
    hostHeader: string | null | undefined,
    options: GatewayOptions = gatewayOptionsFromEnvironment(),
  ): Promise<Channel | null> {
    const host = hostNameFromHeader(hostHeader);
    if (!host) return Promise.resolve(null);

    const startedAt = now();
    const remembered = answers.get(host);
    if (remembered && remembered.expiresAt > startedAt) return remembered.channel;

    const channel = lookupChannel(host, options);
    const lifetimeMs = (channelRequest(host, options).cache?.revalidateSeconds ?? 0) * 1000;
    if (lifetimeMs > 0) {
      // Re-inserting keeps the map in order of last lookup, so the first key is the stalest.
      answers.delete(host);
      answers.set(host, { expiresAt: startedAt + lifetimeMs, channel });
      if (answers.size > maxHosts) answers.delete(answers.keys().next().value!);
      channel.catch(() => {
        if (answers.get(host)?.channel === channel) answers.delete(host);
      });
    } else {
      answers.delete(host);
    }
    return channel;
  };
}

/** Whether the store takes shoppers: a suspended merchant's store does not. */
export function isStoreOpen(channel: Channel): boolean {
  return channel.merchant.status === 'ACTIVE';
}
