import { expect, test, type Page } from '@playwright/test';
import { merchantFor, productPage, SECOND_MERCHANT_HOST, storefrontUrlFor } from './support/platform';

async function firstPageNames(page: Page, url: string): Promise<string[]> {
  const response = await page.goto(url);
  expect(response?.status(), `${url} answers`).toBe(200);
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  return page.getByTestId('product-card').getByTestId('product-name').allTextContents();
}

test('each merchant’s host shows that merchant’s own catalog', async ({ page }) => {
  const demoNames = await firstPageNames(page, '/');
  const secondUrl = storefrontUrlFor(SECOND_MERCHANT_HOST);
  const secondNames = await firstPageNames(page, secondUrl);

  expect(demoNames.length).toBeGreaterThan(0);
  expect(secondNames.length).toBeGreaterThan(0);
  expect(secondNames.filter((name) => demoNames.includes(name)), 'products on both first pages').toEqual([]);

  // The second host shows exactly the second merchant's catalog, as the gateway reports it.
  const expected = await productPage(merchantFor(SECOND_MERCHANT_HOST), secondNames.length);
  expect(secondNames).toEqual(expected.nodes.map((product) => product.name));
  await expect(page.getByTestId('store-brand')).toHaveText('Globex');
});
