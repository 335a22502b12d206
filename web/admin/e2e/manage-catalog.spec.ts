import { expect, test, type Page } from '@playwright/test';
import { solidPng } from './support/png';
import { ACME_OWNER, DEMO_PASSWORD, MANAGER, signIn, STOREFRONT_URL } from './support/platform';

/**
 * The Acme owner builds a product in the admin (two options, four variants, three images in a chosen order, SEO
 * fields), publishes it and finds it on the storefront with that gallery and those prices; a price change shows
 * there too. Someone whose role only reads products sees the list but no editing, and the platform refuses them.
 */
const stamp = Date.now();
const title = `Ridge tee ${stamp}`;
const slug = `ridge-tee-${stamp}`;
const seoTitle = `Ridge tee in organic cotton ${stamp}`;
const seoDescription = 'A soft organic cotton tee for long days on the trail.';

const variants = [
  { name: 'S / Red', price: '24.00' },
  { name: 'S / Blue', price: '24.00' },
  { name: 'M / Red', price: '26.00' },
  { name: 'M / Blue', price: '26.00' },
];

const images = [
  { name: 'ridge-red.png', colour: [200, 30, 30] as [number, number, number], alt: 'Red tee, front' },
  { name: 'ridge-blue.png', colour: [30, 60, 200] as [number, number, number], alt: 'Blue tee, front' },
  { name: 'ridge-detail.png', colour: [40, 160, 60] as [number, number, number], alt: 'Collar detail' },
];

async function addOption(page: Page, index: number, name: string, values: string[]) {
  await page.getByRole('button', { name: 'Add option' }).click();
  await page.getByLabel('Option name', { exact: true }).nth(index).fill(name);
  for (const value of values) {
    await page.getByLabel(`New value of ${name}`, { exact: true }).fill(value);
    await page.getByRole('button', { name: 'Add value' }).nth(index).click();
  }
}

test('the owner creates, illustrates and publishes a product; the storefront shows it and a price change', async ({ page }) => {
  let productUrl = '';

  await test.step('signs in and starts a new product', async () => {
    await signIn(page, ACME_OWNER, DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Products' }).click();
    await page.getByRole('link', { name: 'New product' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('New product');
  });

  await test.step('fills title, description, options and the four variants', async () => {
    await page.getByLabel('Title', { exact: true }).fill(title);
    await expect(page.getByLabel('Slug', { exact: true })).toHaveValue(slug);
    await page.getByRole('textbox', { name: 'Description', exact: true }).click();
    await page.keyboard.type('Soft organic cotton, cut for the trail.');
    await addOption(page, 0, 'Size', ['S', 'M']);
    await addOption(page, 1, 'Colour', ['Red', 'Blue']);
    await page.getByRole('button', { name: 'Generate variants' }).click();
    const rows = page.getByRole('table', { name: 'Variants' }).getByRole('row');
    await expect(rows).toHaveCount(1 + variants.length);
    for (const [index, variant] of variants.entries()) {
      await page.getByLabel(`SKU of ${variant.name}`, { exact: true }).fill(`RT-${stamp}-${index}`);
      await page.getByLabel(`Price of ${variant.name}`, { exact: true }).fill(variant.price);
    }
  });

  await test.step('fills the SEO fields and sees the search-result preview', async () => {
    await page.getByLabel('SEO title', { exact: true }).fill(seoTitle);
    await page.getByLabel('SEO description', { exact: true }).fill(seoDescription);
    await expect(page.getByTestId('seo-preview-title')).toHaveText(seoTitle);
    await expect(page.getByTestId('seo-preview-description')).toHaveText(seoDescription);
    await expect(page.getByText(`${seoTitle.length} of 70 characters`)).toBeVisible();
  });

  await test.step('publishes it', async () => {
    await page.getByLabel('Status', { exact: true }).selectOption('ACTIVE');
    await page.getByRole('button', { name: 'Create product' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page).toHaveURL(/\/products\/[^/]+$/);
    await expect(page.getByText('On sale now')).toBeVisible();
    // The form now shows what the platform saved.
    await expect(page.getByLabel('SEO title', { exact: true })).toHaveValue(seoTitle);
    await expect(page.getByLabel('SEO description', { exact: true })).toHaveValue(seoDescription);
    productUrl = page.url();
  });

  await test.step('uploads three images, describes them and moves the last to the front with the keyboard', async () => {
    await page.getByLabel('Upload images', { exact: true }).setInputFiles(images.map((image) => ({ name: image.name, mimeType: 'image/png', buffer: solidPng(64, 48, image.colour) })));
    const gallery = page.getByRole('list', { name: 'Images in display order' }).getByRole('listitem');
    await expect(gallery).toHaveCount(3);
    for (const [index, image] of images.entries()) {
      await page.getByLabel(`Alt text of image ${index + 1}`, { exact: true }).fill(image.alt);
      await page.getByLabel(`Alt text of image ${index + 1}`, { exact: true }).blur();
      await expect(gallery.nth(index)).toHaveAccessibleName(`Image ${index + 1}: ${image.alt}`);
    }
    // dnd-kit's keyboard sensor: Space picks up, arrows move, Space drops. Each step waits for what dnd-kit says
    // it did (the handle pressed, its announcement of where the image is over), not for time to pass.
    const firstId = await gallery.nth(0).getAttribute('data-media-id');
    const handle = page.getByRole('button', { name: 'Move image 3' });
    await handle.focus();
    await page.keyboard.press('Space');
    await expect(handle).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByText(`was moved over droppable area ${firstId}.`)).toBeAttached();
    await page.keyboard.press('Space');
    await expect(gallery.nth(0)).toHaveAccessibleName('Image 1: Collar detail');
    await page.reload();
    await expect(gallery.nth(0)).toHaveAccessibleName('Image 1: Collar detail');
    await expect(gallery.nth(1)).toHaveAccessibleName('Image 2: Red tee, front');
    await expect(gallery.nth(2)).toHaveAccessibleName('Image 3: Blue tee, front');
  });

  const storefront = await page.context().newPage();
  await test.step('the storefront shows the product with its gallery and prices', async () => {
    await storefront.goto(`${STOREFRONT_URL}/p/${slug}`);
    await expect(storefront.getByRole('heading', { level: 1 })).toHaveText(title);
    // The page's title and description are the merchant's SEO text.
    await expect(storefront).toHaveTitle(new RegExp(seoTitle));
    await expect(storefront.locator('meta[name="description"]')).toHaveAttribute('content', seoDescription);
    for (const [index, variant] of variants.entries()) {
      await expect(storefront.locator(`[data-testid="variant-row"][data-sku="RT-${stamp}-${index}"]`).getByTestId('variant-price')).toContainText(variant.price);
    }
    // The gallery shows the first image large, and a thumbnail button for each image in the admin's order.
    const gallery = storefront.getByTestId('product-gallery');
    await expect(gallery.getByTestId('product-main-image')).toHaveAttribute('alt', 'Collar detail');
    const thumbnails = gallery.getByTestId('product-thumbnail');
    await expect(thumbnails).toHaveCount(3);
    await expect(thumbnails.nth(0)).toHaveAccessibleName('Show image 1 of 3: Collar detail');
    await expect(thumbnails.nth(1)).toHaveAccessibleName('Show image 2 of 3: Red tee, front');
    await expect(thumbnails.nth(2)).toHaveAccessibleName('Show image 3 of 3: Blue tee, front');
  });

  await test.step('a price change in the admin reaches the storefront', async () => {
    await page.goto(productUrl);
    await page.getByLabel('Price of S / Red', { exact: true }).fill('21.50');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await expect
      .poll(
        async () => {
          await storefront.reload();
          return storefront.locator(`[data-testid="variant-row"][data-sku="RT-${stamp}-0"]`).getByTestId('variant-price').textContent();
        },
        { timeout: 15_000 },
      )
      .toContain('21.50');
  });
});

test('someone whose role only reads products sees the list but no editing, and the platform refuses a change', async ({ page }) => {
  await signIn(page, MANAGER, DEMO_PASSWORD);
  // Staff at Globex Home: products:read, not products:write.
  await page.getByLabel('Merchant', { exact: true }).selectOption({ label: 'Globex Home (Staff)' });
  await expect(page.getByTestId('merchant-name')).toHaveText('Globex Home');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Products' }).click();

  const firstProduct = page.getByRole('table').getByRole('row').nth(1).getByRole('link');
  await expect(firstProduct).toBeVisible();
  await expect(page.getByRole('link', { name: 'New product' })).toHaveCount(0);
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Import and export' })).toHaveCount(0);

  await firstProduct.click();
  await expect(page.getByRole('form', { name: 'Product' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Archive' })).toHaveCount(0);
  await expect(page.getByLabel('Title', { exact: true })).toBeDisabled();

  const productId = page.url().split('/').pop()!;
  const refusal = await page.evaluate(async (id) => {
    const response = await fetch('/bff/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf': '1' },
      body: JSON.stringify({ query: 'mutation($id: ID!) { productArchive(id: $id) { id status } }', variables: { id } }),
    });
    return (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  }, productId);
  expect(refusal.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(refusal.errors?.[0]?.message).toContain('products:write');

  const restRefusal = await page.evaluate(async () => {
    const response = await fetch('/bff/api/catalog/products/bulk', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf': '1' },
      body: JSON.stringify({ action: 'archive', ids: [] }),
    });
    return { status: response.status, body: await response.text() };
  });
  expect(restRefusal.status).toBe(403);
  expect(restRefusal.body).toContain('products:write');
});
