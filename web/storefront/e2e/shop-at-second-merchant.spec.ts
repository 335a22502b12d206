import { expect, test, type Page } from '@playwright/test';
import { merchantOn, productPage, SECOND_MERCHANT_HOST, STOREFRONT_URL, storefrontUrlFor } from './support/platform';

async function firstPageNames(page: Page, url: string): Promise<string[]> {
  const response = await page.goto(url);
  expect(response?.status(), `${url} answers`).toBe(200);
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  return page.getByTestId('product-card').getByTestId('product-name').allTextContents();
}

test('each merchant’s host shows that merchant’s own catalog under its own name', async ({ page }) => {
  const [demoMerchant, secondMerchant] = await Promise.all([
    merchantOn(new URL(STOREFRONT_URL).hostname),
    merchantOn(SECOND_MERCHANT_HOST),
  ]);
  expect(secondMerchant.id, 'the two hosts belong to different merchants').not.toBe(demoMerchant.id);

  const demoNames = await firstPageNames(page, '/');
  await expect(page.getByTestId('store-brand')).toHaveText(demoMerchant.name);

  const secondUrl = storefrontUrlFor(SECOND_MERCHANT_HOST);
  const secondNames = await firstPageNames(page, secondUrl);
  await expect(page.getByTestId('store-brand')).toHaveText(secondMerchant.name);
  await expect(page).toHaveTitle(secondMerchant.name);

  expect(demoNames.length).toBeGreaterThan(0);
  expect(secondNames.length).toBeGreaterThan(0);
  expect(secondNames.filter((name) => demoNames.includes(name)), 'products on both first pages').toEqual([]);

  // The second host shows exactly the second merchant's catalog, as the gateway reports it.
  const expected = await productPage(secondMerchant.id, secondNames.length);
  expect(secondNames).toEqual(expected.nodes.map((product) => product.name));
});
