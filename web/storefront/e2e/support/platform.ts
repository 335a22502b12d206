/**
 * What the end-to-end tests know about the running platform: where the storefront and the
 * gateway listen, which merchant each host serves, and the catalog as the gateway reports it.
 * Tests compare the pages with the gateway instead of hard-coding the generated demo catalog, and
 * ask the gateway which store a host belongs to, as the storefront itself does.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_GATEWAY_URL } from '../../lib/gateway';

export const STOREFRONT_URL = process.env.STOREFRONT_URL ?? 'http://localhost:3000';
export const GATEWAY_URL = process.env.GATEWAY_URL?.trim() || DEFAULT_GATEWAY_URL;
/** The Identity service's REST API (merchant administration), for tests that create their own store. */
export const IDENTITY_URL = (process.env.IDENTITY_URL?.trim() || 'http://127.0.0.1:5103').replace(/\/+$/, '');

/** Where the running platform keeps its data, and beside it the platform operator's secret. */
const DATA_DIR = process.env.COMMERCE_DATA_DIR?.trim() || path.resolve(process.cwd(), '../../.data');

let operatorToken: Promise<string> | undefined;

/**
 * An access token of the platform operators (client credentials of `platform-operator`), for tests
 * that administer merchants. The secret is the one `./commerce up` keeps in its data folder.
 */
export function platformOperatorToken(): Promise<string> {
  operatorToken ??= (async () => {
    const secret = (await readFile(path.join(DATA_DIR, 'platform-operator.secret'), 'utf8')).trim();
    const response = await fetch(`${IDENTITY_URL}/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'platform-operator', client_secret: secret }),
    });
    const body = (await response.json()) as { access_token?: string; error_description?: string };
    if (!response.ok || !body.access_token) {
      throw new Error(`Identity refused the operator token (${response.status}): ${body.error_description ?? ''}`);
    }
    return body.access_token;
  })();
  return operatorToken;
}

async function asOperator(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${IDENTITY_URL}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await platformOperatorToken()}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

/**
 * An access token of a new API client of the merchant holding exactly these permissions, as a
 * partner's integration gets one. `revoke` deletes the client again.
 */
export async function merchantApiToken(
  merchantId: string,
  permissions: string[],
): Promise<{ token: string; revoke: () => Promise<void> }> {
  const created = await asOperator('POST', `/api/v1/merchants/${merchantId}/api-clients`, { name: 'End-to-end check', permissions });
  const client = (await created.json()) as { clientId: string; clientSecret: string };
  const response = await fetch(`${IDENTITY_URL}/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`No token for the new client (${response.status})`);
  return {
    token: body.access_token,
    revoke: async () => {
      await asOperator('DELETE', `/api/v1/merchants/${merchantId}/api-clients/${client.clientId}`);
    },
  };
}

export const DEMO_HOST = 'localhost';
export const SECOND_MERCHANT_HOST = 'globex.localhost';

/** The storefront's address with another host name (same scheme and port). */
export function storefrontUrlFor(host: string, path = '/'): string {
  const url = new URL(path, STOREFRONT_URL);
  url.hostname = host;
  return url.toString();
}

async function postToGateway<TData>(
  headers: Record<string, string>,
  query: string,
  variables: Record<string, unknown>,
): Promise<TData> {
  const response = await fetch(GATEWAY_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: TData; errors?: Array<{ message: string }> };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`Gateway query failed (${response.status}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

/** A query about one merchant's data, scoped by the merchant header. */
export async function gatewayQuery<TData>(
  merchantId: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<TData> {
  return postToGateway<TData>({ 'x-merchant-id': merchantId }, query, variables);
}

export interface GatewayMerchant {
  id: string;
  name: string;
  defaultCurrency: string;
  status: 'ACTIVE' | 'SUSPENDED';
}

/** The store the platform serves on a host, or null when no store uses it. */
export async function storefrontChannel(host: string): Promise<{ host: string; merchant: GatewayMerchant } | null> {
  const data = await postToGateway<{ storefrontChannel: { host: string; merchant: GatewayMerchant } | null }>(
    {},
    `query ($host: String!) {
       storefrontChannel(host: $host) { host merchant { id name defaultCurrency status } }
     }`,
    { host },
  );
  return data.storefrontChannel;
}

/** The merchant whose store the platform serves on a host. */
export async function merchantOn(host: string): Promise<GatewayMerchant> {
  const channel = await storefrontChannel(host);
  if (!channel) throw new Error(`No store uses host "${host}" (the gateway's storefrontChannel is null)`);
  return channel.merchant;
}

/** The id of the merchant served on a host. */
export async function merchantFor(host: string): Promise<string> {
  return (await merchantOn(host)).id;
}

/** The id of the merchant behind STOREFRONT_URL's own host. */
export async function defaultMerchant(): Promise<string> {
  return merchantFor(new URL(STOREFRONT_URL).hostname);
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
