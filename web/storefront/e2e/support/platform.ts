/**
 * What the end-to-end tests know about the running platform: where the storefront and the
 * gateway listen, which merchant each host serves, and the catalog as the gateway reports it.
 * Tests compare the pages with the gateway instead of hard-coding the generated demo catalog.
 */
import { channelsFromEnvironment } from '../../lib/channels';
import { DEFAULT_GATEWAY_URL } from '../../lib/gateway';

export const STOREFRONT_URL = process.env.STOREFRONT_URL ?? 'http://localhost:3000';
export const GATEWAY_URL = process.env.GATEWAY_URL?.trim() || DEFAULT_GATEWAY_URL;

export const DEMO_HOST = 'localhost';
export const SECOND_MERCHANT_HOST = 'globex.localhost';

/** The storefront's address with another host name (same scheme and port). */
export function storefrontUrlFor(host: string, path = '/'): string {
  const url = new URL(path, STOREFRONT_URL);
  url.hostname = host;
  return url.toString();
}

/** The merchant the storefront serves on a host, from the same configuration the storefront reads. */
export function merchantFor(host: string): string {
  const merchantId = channelsFromEnvironment().get(host);
  if (!merchantId) throw new Error(`No merchant is configured for host "${host}" (STOREFRONT_CHANNELS)`);
  return merchantId;
}

/** The merchant behind STOREFRONT_URL's own host. */
export function defaultMerchant(): string {
  return merchantFor(new URL(STOREFRONT_URL).hostname);
}

export async function gatewayQuery<TData>(
  merchantId: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<TData> {
  const response = await fetch(GATEWAY_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-merchant-id': merchantId },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: TData; errors?: Array<{ message: string }> };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`Gateway query failed (${response.status}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

export interface GatewayProduct {
  id: string;
  slug: string;
  name: string;
  availability: { inStock: boolean };
}

export interface GatewayProductPage {
  nodes: GatewayProduct[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export async function productPage(
  merchantId: string,
  first: number,
  options: { after?: string | null; categorySlug?: string } = {},
): Promise<GatewayProductPage> {
  const data = await gatewayQuery<{ products: GatewayProductPage }>(
    merchantId,
    `query ($first: Int!, $after: String, $categorySlug: String) {
       products(first: $first, after: $after, categorySlug: $categorySlug) {
         nodes { id slug name availability { inStock } }
         totalCount
         pageInfo { hasNextPage endCursor }
       }
     }`,
    { first, after: options.after ?? null, categorySlug: options.categorySlug ?? null },
  );
  return data.products;
}

export interface GatewayCategory {
  slug: string;
  name: string;
  children: GatewayCategory[];
}

/** Every category of a merchant's tree, parents before children. */
export async function allCategories(merchantId: string): Promise<GatewayCategory[]> {
  const data = await gatewayQuery<{ categories: GatewayCategory[] }>(
    merchantId,
    `{ categories { slug name children { slug name children { slug name children { slug name } } } } }`,
  );
  const flat: GatewayCategory[] = [];
  const visit = (categories: GatewayCategory[] | undefined) => {
    for (const category of categories ?? []) {
      flat.push(category);
      visit(category.children);
    }
  };
  visit(data.categories);
  return flat;
}

/** The category with the most products, so paging and tracing have data to work with. */
export async function largestCategory(merchantId: string): Promise<{ category: GatewayCategory; totalCount: number }> {
  let best: { category: GatewayCategory; totalCount: number } | undefined;
  for (const category of await allCategories(merchantId)) {
    const { totalCount } = await productPage(merchantId, 1, { categorySlug: category.slug });
    if (!best || totalCount > best.totalCount) best = { category, totalCount };
  }
  if (!best) throw new Error(`Merchant ${merchantId} has no categories`);
  return best;
}

/** Text as React writes it into HTML, to look for names in a raw server response. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
