import { expect, test } from '@playwright/test';
import {
  GATEWAY_URL,
  SECOND_MERCHANT_HOST,
  defaultMerchant,
  gatewayQuery,
  merchantApiToken,
  merchantFor,
} from './support/platform';

interface FederatedProduct {
  id: string;
  name: string;
  priceFrom: { amount: number; currency: string };
  availability: { inStock: boolean; quantityAvailable: number };
  variants: Array<{ sku: string; availability: { quantityAvailable: number } }>;
}

const FEDERATED_PRODUCTS = `{
  products(first: 10) {
    nodes {
      id name priceFrom { amount currency }
      availability { inStock quantityAvailable }
      variants { sku availability { quantityAvailable } }
    }
  }
}`;

test.describe('a partner queries the platform through the gateway', () => {
  test('one query returns catalog fields and inventory fields for the same products', async () => {
    const { products } = await gatewayQuery<{ products: { nodes: FederatedProduct[] } }>(await defaultMerchant(), FEDERATED_PRODUCTS);

    expect(products.nodes.length).toBeGreaterThan(0);
    for (const product of products.nodes) {
      expect(product.name, 'from the Catalog subgraph').toBeTruthy();
      expect(product.priceFrom.amount).toBeGreaterThan(0);
      expect(product.variants.length).toBeGreaterThan(0);
      // The product total (Inventory) agrees with its variants (Catalog list, Inventory quantities).
      const variantTotal = product.variants.reduce((sum, variant) => sum + variant.availability.quantityAvailable, 0);
      expect(product.availability.quantityAvailable).toBe(variantTotal);
      expect(product.availability.inStock).toBe(variantTotal > 0);
    }
  });

  test('each merchant gets only its own products', async () => {
    const [firstMerchant, secondMerchant] = await Promise.all([defaultMerchant(), merchantFor(SECOND_MERCHANT_HOST)]);
    const first = await gatewayQuery<{ products: { nodes: FederatedProduct[] } }>(firstMerchant, FEDERATED_PRODUCTS);
    const second = await gatewayQuery<{ products: { nodes: FederatedProduct[] } }>(secondMerchant, FEDERATED_PRODUCTS);

    const firstIds = new Set(first.products.nodes.map((product) => product.id));
    expect(second.products.nodes.some((product) => firstIds.has(product.id))).toBe(false);
    expect(new Set(second.products.nodes.map((product) => product.priceFrom.currency))).not.toEqual(
      new Set(first.products.nodes.map((product) => product.priceFrom.currency)),
    );
  });

  test('a query deeper than the limit is refused before it reaches the services', async () => {
    const deep = `{ categories { children { children { children { children { children { children { children { children { children { children { slug } } } } } } } } } } } }`;
    const response = await fetch(GATEWAY_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-merchant-id': await defaultMerchant() },
      body: JSON.stringify({ query: deep }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: Array<{ message: string }> };

    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.errors?.[0]?.message ?? '').toMatch(/depth/i);
  });

  test('protected fields need a token with the permission; the gateway passes the token on and each service checks it', async () => {
    const merchantId = await defaultMerchant();
    const locations = async (headers: Record<string, string>) => {
      const response = await fetch(GATEWAY_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ inventoryLocations { code } }' }),
      });
      return (await response.json()) as {
        data?: { inventoryLocations?: Array<{ code: string }> } | null;
        errors?: Array<{ message: string; extensions?: { code?: string } }>;
      };
    };

    const anonymous = await locations({ 'x-merchant-id': merchantId });
    expect(anonymous.data?.inventoryLocations ?? null).toBeNull();
    expect(JSON.stringify(anonymous.errors)).toContain('UNAUTHENTICATED');

    const readCatalog = await merchantApiToken(merchantId, ['products:read']);
    const readStock = await merchantApiToken(merchantId, ['inventory:read']);
    try {
      const withoutPermission = await locations({ authorization: `Bearer ${readCatalog.token}` });
      expect(JSON.stringify(withoutPermission.errors)).toContain('inventory:read');

      const permitted = await locations({ authorization: `Bearer ${readStock.token}` });
      expect(permitted.errors).toBeUndefined();
      expect(permitted.data?.inventoryLocations?.length).toBeGreaterThan(0);

      // A token for one merchant with the other merchant's header is refused, not silently re-scoped.
      const mismatched = await locations({
        authorization: `Bearer ${readStock.token}`,
        'x-merchant-id': await merchantFor(SECOND_MERCHANT_HOST),
      });
      expect(mismatched.data?.inventoryLocations ?? null).toBeNull();
      expect(mismatched.errors?.length).toBeGreaterThan(0);
    } finally {
      await readCatalog.revoke();
      await readStock.revoke();
    }
  });
});
