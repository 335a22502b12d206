import { expect, test, type Page } from '@playwright/test';
import { defaultMerchant, escapeRegExp, largestCategory, productPage } from './support/platform';

async function productNames(page: Page): Promise<string[]> {
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  return page.getByTestId('product-card').getByTestId('product-name').allTextContents();
}

test.describe('a shopper browses a category', () => {
  test('choosing a category shows only that category’s products', async ({ page }) => {
    await page.goto('/');
    const link = page.getByTestId('category-link').first();
    const slug = await link.getAttribute('data-category-slug');
    expect(slug, 'the header links categories').toBeTruthy();

    await link.click();
    await expect(page).toHaveURL(new RegExp(`/c/${escapeRegExp(encodeURIComponent(slug!))}$`));
    await expect(page.getByTestId('category-name')).toHaveText((await link.textContent())!.trim());

    const shown = await productNames(page);
    const expected = await productPage(await defaultMerchant(), shown.length, { categorySlug: slug! });
    expect(shown).toEqual(expected.nodes.map((product) => product.name));
    await expect(page.getByTestId('product-count')).toContainText(String(expected.totalCount));
    await expect(page.getByTestId('breadcrumb')).toContainText('Home');
  });

  test('a category with more products than fit on a page can be paged through', async ({ page }) => {
    const merchantId = await defaultMerchant();
    const { category, totalCount } = await largestCategory(merchantId);

    await page.goto(`/c/${encodeURIComponent(category.slug)}`);
    const firstPage = await productNames(page);
    expect(
      totalCount,
      `category "${category.slug}" needs more products than one page (${firstPage.length}); ` +
        'seed more or lower STOREFRONT_PAGE_SIZE',
    ).toBeGreaterThan(firstPage.length);

    const gatewayFirstPage = await productPage(merchantId, firstPage.length, { categorySlug: category.slug });
    expect(firstPage).toEqual(gatewayFirstPage.nodes.map((product) => product.name));

    await page.getByTestId('next-page').click();
    await expect(page).toHaveURL(/[?&]after=/);
    const secondPage = await productNames(page);
    const gatewaySecondPage = await productPage(merchantId, firstPage.length, {
      categorySlug: category.slug,
      after: gatewayFirstPage.pageInfo.endCursor,
    });
    expect(secondPage).toEqual(gatewaySecondPage.nodes.map((product) => product.name));
    expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);

    await page.getByTestId('first-page').click();
    await expect(page).toHaveURL(new RegExp(`/c/${escapeRegExp(encodeURIComponent(category.slug))}$`));
    expect(await productNames(page)).toEqual(firstPage);
  });

  test('an unknown category is a 404', async ({ page }) => {
    const response = await page.goto('/c/no-such-category-anywhere');
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId('not-found-title')).toBeVisible();
  });
});
