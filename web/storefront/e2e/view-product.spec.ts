import { expect, test } from '@playwright/test';
import { formatMoney, type Money } from '../lib/money';
import { defaultMerchant, escapeRegExp, gatewayQuery } from './support/platform';

interface GatewayVariant {
  sku: string;
  title: string;
  options: Array<{ name: string; value: string }>;
  price: Money;
  availability: { inStock: boolean };
}

async function productWithVariants(slug: string) {
  const data = await gatewayQuery<{ product: { name: string; variants: GatewayVariant[] } | null }>(
    await defaultMerchant(),
    `query ($slug: String!) {
       product(slug: $slug) {
         name
         variants { sku title options { name value } price { amount currency } availability { inStock } }
       }
     }`,
    { slug },
  );
  if (!data.product) throw new Error(`The gateway does not know product "${slug}"`);
  return data.product;
}

/** The first-page product with the most variants, so the selector has choices to make. */
async function productWithMostVariants(): Promise<string> {
  const data = await gatewayQuery<{ products: { nodes: Array<{ slug: string; variants: Array<{ id: string }> }> } }>(
    await defaultMerchant(),
    `{ products(first: 24) { nodes { slug variants { id } } } }`,
  );
  const [best] = [...data.products.nodes].sort((a, b) => b.variants.length - a.variants.length);
  if (!best) throw new Error('The catalog has no products');
  return best.slug;
}

test.describe('a shopper looks at a product', () => {
  test('the product page lists every variant with options, SKU, price and availability', async ({ page }) => {
    await page.goto('/');
    const card = page.getByTestId('product-card').first();
    const slug = await card.getAttribute('data-product-slug');
    const cardName = (await card.getByTestId('product-name').textContent())!.trim();

    await card.click();
    await expect(page).toHaveURL(new RegExp(`/p/${escapeRegExp(encodeURIComponent(slug!))}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(cardName);

    const product = await productWithVariants(slug!);
    const rows = page.getByTestId('variant-row');
    await expect(rows).toHaveCount(product.variants.length);
    for (const variant of product.variants) {
      const row = page.locator(`[data-testid="variant-row"][data-sku="${variant.sku}"]`);
      await expect(row.getByTestId('variant-sku')).toHaveText(variant.sku);
      await expect(row.getByTestId('variant-price')).toHaveText(formatMoney(variant.price));
      await expect(row.getByTestId('availability')).toHaveText(variant.availability.inStock ? 'In stock' : 'Out of stock');
      for (const option of variant.options) {
        await expect(row.getByTestId('variant-options')).toContainText(`${option.name}: ${option.value}`);
      }
    }

    await expect(page).toHaveTitle(new RegExp(escapeRegExp(cardName)));
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      new RegExp(`/p/${escapeRegExp(encodeURIComponent(slug!))}$`),
    );
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\S/);
  });

  test('choosing options shows the matching variant’s price and availability', async ({ page }) => {
    const slug = await productWithMostVariants();
    const product = await productWithVariants(slug);
    await page.goto(`/p/${encodeURIComponent(slug)}`);

    for (const variant of product.variants.slice(0, 4)) {
      for (const option of variant.options) {
        await page.locator(`[data-testid="option-select"][data-option-name="${option.name}"]`).selectOption(option.value);
      }
      await expect(page.getByTestId('selected-variant-sku')).toHaveText(variant.sku);
      await expect(page.getByTestId('selected-variant-price')).toHaveText(formatMoney(variant.price));
      await expect(page.getByTestId('selected-variant-availability')).toHaveText(
        variant.availability.inStock ? 'In stock' : 'Out of stock',
      );
    }
  });

  test('the gallery shows the product’s images from the store’s origin, or a placeholder when it has none', async ({ page, request }) => {
    await page.goto('/');
    const slug = (await page.getByTestId('product-card').first().getAttribute('data-product-slug'))!;
    const data = await gatewayQuery<{
      product: { brand: string | null; media: Array<{ id: string; width: number; height: number }> } | null;
    }>(await defaultMerchant(), `query ($slug: String!) { product(slug: $slug) { brand media { id width height } } }`, { slug });
    const product = data.product!;
    await page.goto(`/p/${encodeURIComponent(slug)}`);

    if (product.brand) await expect(page.getByTestId('product-brand')).toHaveText(product.brand);
    const [first] = product.media;
    if (!first) {
      await expect(page.getByTestId('product-gallery-placeholder')).toBeVisible();
      await expect(page.locator('meta[property="og:image"]')).toHaveCount(0);
      return;
    }

    const main = page.getByTestId('product-main-image');
    await expect(main).toHaveAttribute('data-media-id', first.id);
    await expect(main).toHaveAttribute('width', String(first.width));
    await expect(main).toHaveAttribute('height', String(first.height));
    await expect(main).toHaveAttribute('srcset', new RegExp(`/media/${first.id}/160\\.webp`));
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', new RegExp(`/media/${first.id}/\\d+\\.jpg$`));
    const image = await request.get(`/media/${first.id}/160.webp`);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/webp');
    expect(image.headers()['cache-control']).toContain('immutable');
  });

  test('an unknown product is a 404', async ({ page }) => {
    const response = await page.goto('/p/no-such-product-anywhere');
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId('not-found-title')).toBeVisible();
  });
});
