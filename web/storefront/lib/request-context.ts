import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { brandFromHost, channelsFromEnvironment, resolveChannel, type Channel } from './channels';
import { pageSizeFromEnvironment } from './pagination';

export interface StoreContext extends Channel {
  brand: string;
  /** Origin the shopper used, for canonical links. */
  origin: string;
}

const HOST_HEADER_PATTERN = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** The store this request is for, from its Host header; null when no merchant is configured for it. */
export const getStoreContext = cache(async (): Promise<StoreContext | null> => {
  const requestHeaders = await headers();
  const hostHeader = requestHeaders.get('host');
  const channel = resolveChannel(hostHeader, channelsFromEnvironment());
  if (!channel || !hostHeader || !HOST_HEADER_PATTERN.test(hostHeader)) return null;

  const forwardedProtocol = requestHeaders.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const protocol = forwardedProtocol === 'https' ? 'https' : 'http';
  return { ...channel, brand: brandFromHost(channel.host), origin: `${protocol}://${hostHeader.toLowerCase()}` };
});

/** Like getStoreContext, but renders the "no store here" 404 when the host is unknown. */
export async function requireStoreContext(): Promise<StoreContext> {
  const store = await getStoreContext();
  if (!store) notFound();
  return store;
}

export function catalogPageSize(): number {
  return pageSizeFromEnvironment(process.env.STOREFRONT_PAGE_SIZE);
}
