import type { Environment } from './environment';

/**
 * A sales channel: the merchant whose catalog is served on a given host name.
 * The storefront serves many merchants from one deployment; the Host header picks the merchant.
 */
export interface Channel {
  host: string;
  merchantId: string;
}

export type ChannelMap = ReadonlyMap<string, string>;

export const DEFAULT_CHANNELS_SPEC =
  'localhost=a1f0c0de-0000-4000-8000-000000000001,' +
  '127.0.0.1=a1f0c0de-0000-4000-8000-000000000001,' +
  'globex.localhost=b2f0c0de-0000-4000-8000-000000000002';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/**
 * Parses `host=merchantUuid,host2=uuid2`. Misconfiguration fails loudly rather than
 * silently serving a merchant's catalog on the wrong host.
 */
export function parseChannelMap(spec: string): ChannelMap {
  const channels = new Map<string, string>();
  for (const rawEntry of spec.split(',')) {
    const entry = rawEntry.trim();
    if (entry === '') continue;
    const separator = entry.indexOf('=');
    if (separator === -1) {
      throw new Error(`Invalid channel entry "${entry}": expected host=merchantUuid`);
    }
    const host = hostNameFromHeader(entry.slice(0, separator));
    const merchantId = entry.slice(separator + 1).trim().toLowerCase();
    if (!host) {
      throw new Error(`Invalid channel entry "${entry}": bad host name`);
    }
    if (!UUID_PATTERN.test(merchantId)) {
      throw new Error(`Invalid channel entry "${entry}": merchant id must be a UUID`);
    }
    if (channels.has(host) && channels.get(host) !== merchantId) {
      throw new Error(`Host "${host}" is mapped to more than one merchant`);
    }
    channels.set(host, merchantId);
  }
  return channels;
}

/** Resolves the channel for a request's Host header, or null when no store is configured for it. */
export function resolveChannel(hostHeader: string | null | undefined, channels: ChannelMap): Channel | null {
  const host = hostNameFromHeader(hostHeader);
  if (!host) return null;
  const merchantId = channels.get(host);
  return merchantId ? { host, merchantId } : null;
}

let configuredChannels: { spec: string; map: ChannelMap } | undefined;

/** The channel map from STOREFRONT_CHANNELS (or the local development default), parsed once per value. */
export function channelsFromEnvironment(env: Environment = process.env): ChannelMap {
  const spec = env.STOREFRONT_CHANNELS?.trim() || DEFAULT_CHANNELS_SPEC;
  if (configuredChannels?.spec !== spec) {
    configuredChannels = { spec, map: parseChannelMap(spec) };
  }
  return configuredChannels.map;
}

/**
 * A neutral shop name until merchants' names are served by the API:
 * "globex.localhost" -> "Globex", "www.acme.example" -> "Acme", "localhost" or an IP -> "Store".
 */
export function brandFromHost(host: string): string {
  const labels = host.replace(/^www\./, '').split('.');
  const first = labels[0] ?? '';
  const isIpAddress = /^\d+(\.\d+){3}$/.test(host) || host.startsWith('[');
  if (labels.length < 2 || isIpAddress || first === '') return 'Store';
  return first.charAt(0).toUpperCase() + first.slice(1);
}
