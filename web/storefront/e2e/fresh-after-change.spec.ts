import { expect, test } from '@playwright/test';
import { DEMO_HOST, gatewayQuery, merchantApiToken, merchantOn, storefrontUrlFor } from './support/platform';

/**
 * The storefront and the gateway keep catalog answers in memory; a change made through the API must still reach
 * shoppers within seconds, because the change's event purges both caches (not because a time to live runs out).
 */
const CATALOG_URL = (process.env.CATALOG_URL?.trim() || 'http://127.0.0.1:5101').replace(/\/+$/, '');
const INVENTORY_URL = (process.env.INVENTORY_URL?.trim() || 'http://127.0.0.1:5102').replace(/\/+$/, '');
const FRESH_WITHIN_MS = 5_000;

const PRODUCT_QUERY = /* GraphQL */ `
  query FreshProduct($slug: String!) { product(slug: $slug) { variants { price { amount } } availability { inStock } } }
`;

interface GatewayFreshProduct {
  product: { variants: Array<{ price: { amount: number } }>; availability: { inStock: boolean } } | null;
}

async function send(url: string, method: string, token: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${await response.text()}`);
  return response;
}

function productInput(sku: string, priceAmount: number, currency: string) {
  return {
    name: 'Harbour canvas tote',
    description: 'A heavy canvas tote with leather handles, sized for a day at the market.',
    status: 'active',
    variants: [{ sku, title: 'Natural', options: { Colour: 'Natural' }, priceAmount, currency }],
  };
}

test('a price and a stock change through the API show on a cached page and in a cached gateway answer within 5 seconds', async ({
  page,
}) => {
  const { id: merchantId, defaultCurrency: currency } = await merchantOn(DEMO_HOST);
  const { token, revoke } = await merchantApiToken(merchantId, ['products:write', 'products:read', 'inventory:write']);
  try {
    const suffix = Date.now().toString(36);
    const slug = `harbour-tote-${suffix}`;
    const sku = `TOTE-${suffix}`.toUpperCase();
    const created = await send(`${CATALOG_URL}/api/v1/products/${slug}`, 'PUT', token, productInput(sku, 3900, currency));
    const product = (await created.json()) as { id: string; version: number; variants: Array<{ id: string }> };
    const productUrl = storefrontUrlFor(DEMO_HOST, `/p/${slug}`);

    // Both caches now hold the product as first seen: the page's data and the gateway's answer.
    await expect
      .poll(async () => (await gatewayQuery<GatewayFreshProduct>(merchantId, PRODUCT_QUERY, { slug })).product?.variants[0]?.price.amount)
      .toBe(3900);
    await page.goto(productUrl);
    await expect(page.getByTestId('product-price')).toContainText('39.00');
    await page.reload();
    await expect(page.getByTestId('availability').first()).toHaveAttribute('data-in-stock', 'false');

    await send(`${CATALOG_URL}/api/v1/products/${slug}`, 'PUT', token, productInput(sku, 4500, currency), {
      'if-match': `"${product.version}"`,
    });
    const changedAt = Date.now();
    await expect
      .poll(async () => (await gatewayQuery<GatewayFreshProduct>(merchantId, PRODUCT_QUERY, { slug })).product?.variants[0]?.price.amount, {
        timeout: FRESH_WITHIN_MS,
        intervals: [100],
      })
      .toBe(4500);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('product-price')).toContainText('45.00', { timeout: 100 });
    }).toPass({ timeout: Math.max(500, FRESH_WITHIN_MS - (Date.now() - changedAt)), intervals: [100] });

    await send(`${INVENTORY_URL}/api/v1/stock/${product.variants[0]!.id}`, 'PUT', token, { productId: product.id, sku, onHand: 12 });
    await expect
      .poll(async () => (await gatewayQuery<GatewayFreshProduct>(merchantId, PRODUCT_QUERY, { slug })).product?.availability.inStock, {
        timeout: FRESH_WITHIN_MS,
        intervals: [100],
      })
      .toBe(true);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('availability').first()).toHaveAttribute('data-in-stock', 'true', { timeout: 100 });
    }).toPass({ timeout: FRESH_WITHIN_MS, intervals: [100] });
  } finally {
    await revoke();
  }
});
