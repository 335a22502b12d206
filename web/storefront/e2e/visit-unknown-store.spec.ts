import { expect, test } from '@playwright/test';
import { storefrontUrlFor } from './support/platform';

const UNKNOWN_STORE_URL = storefrontUrlFor('no-such-store.localhost');

test.describe('a visitor opens an address where no store is configured', () => {
  test('they get a 404 page that says so', async ({ page }) => {
    const response = await page.goto(UNKNOWN_STORE_URL);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('No store is configured for this address');
    await expect(page.getByTestId('product-card')).toHaveCount(0);
  });

  test('the page reads the same without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const response = await page.goto(`${UNKNOWN_STORE_URL}c/anything`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('No store is configured for this address');
    } finally {
      await context.close();
    }
  });
});
