import { expect, test } from '@playwright/test';
import { defaultMerchant, escapeHtml, productPage } from './support/platform';

test.describe('a shopper browses the catalog from the home page', () => {
  test('the home page shows the newest products with price and availability', async ({ page }) => {
    await page.goto('/');

    const cards = page.getByTestId('product-card');
    await expect(cards.first()).toBeVisible();
    const shown = await cards.count();
    const expected = await productPage(await defaultMerchant(), shown);

    await expect(cards.getByTestId('product-name')).toHaveText(expected.nodes.map((product) => product.name));
    for (let index = 0; index < shown; index++) {
      const card = cards.nth(index);
      await expect(card.getByTestId('product-price')).toHaveText(/\d/);
      await expect(card.getByTestId('availability')).toHaveText(
        expected.nodes[index]!.availability.inStock ? 'In stock' : 'Out of stock',
      );
    }
  });

  test('the server sends product names and availability in the HTML, before any script runs', async ({ request }) => {
    const response = await request.get('/');
    expect(response.status()).toBe(200);
    const html = await response.text();

    const cardCount = html.match(/data-testid="product-card"/g)?.length ?? 0;
    expect(cardCount, 'product cards in the server-rendered HTML').toBeGreaterThan(0);

    const expected = await productPage(await defaultMerchant(), cardCount);
    for (const product of expected.nodes) {
      expect(html, `server HTML names "${product.name}"`).toContain(escapeHtml(product.name));
    }
    if (expected.nodes.some((product) => product.availability.inStock)) expect(html).toContain('In stock');
    if (expected.nodes.some((product) => !product.availability.inStock)) expect(html).toContain('Out of stock');
    expect(html.match(/data-testid="availability"/g)?.length ?? 0).toBeGreaterThanOrEqual(cardCount);
  });

  test('the page has a title, a description and a canonical link', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle(/\S/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\S/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /^https?:\/\/[^/]+\/?$/);
  });
});
