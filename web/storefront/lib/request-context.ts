import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { isStoreOpen, resolveChannel } from './channels';
import { originOfRequest } from './origin';
import { pageSizeFromEnvironment } from './pagination';

export interface StoreContext {
  host: string;
  merchantId: string;
  /** The merchant's name, shown as the shop's brand. */
  brand: string;
  open: boolean;
  /** Origin the shopper used, for canonical links. */
  origin: string;
}

/** A closed store reached the render anyway: the merchant was suspended just after the proxy's check. */
export class StoreUnavailableError extends Error {
  constructor(host: string) {
    super(`The store on ${host} is not open`);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * The store this request is for, from its Host header; null when no store uses the host.
 * Pages look the host up through Next's data cache (tag channel:<host>); the proxy's answer,
 * held in its own memory, cannot be handed to them.
 */
export const getStoreContext = cache(async (): Promise<StoreContext | null> => {
  const requestHeaders = await headers();
  const origin = originOfRequest(requestHeaders);
  if (!origin) return null;
  const channel = await resolveChannel(requestHeaders.get('host'));
  if (!channel) return null;

  return {
    host: channel.host,
    merchantId: channel.merchant.id,
    brand: channel.merchant.name,
    open: isStoreOpen(channel),
    origin,
  };
});

/**
 * Like getStoreContext, but renders the "no store here" 404 when the host is unknown and fails
 * (to the error page) when the store is closed, so no catalog is queried for it.
 */
export async function requireStoreContext(): Promise<StoreContext> {
  const store = await getStoreContext();
  if (!store) notFound();
  if (!store.open) throw new StoreUnavailableError(store.host);
  return store;
}

export function catalogPageSize(): number {
  return pageSizeFromEnvironment(process.env.STOREFRONT_PAGE_SIZE);
}
