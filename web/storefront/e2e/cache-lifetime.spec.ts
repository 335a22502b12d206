import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/** Where Next would keep cached gateway answers on disk; the storefront runs from this folder. */
const FETCH_CACHE = path.resolve(__dirname, '..', '.next', 'cache', 'fetch-cache');

async function entriesWrittenSince(since: number): Promise<string[]> {
  const names = await readdir(FETCH_CACHE).catch(() => [] as string[]);
  const written: string[] = [];
  for (const name of names) {
    const { mtimeMs } = await stat(path.join(FETCH_CACHE, name));
    if (mtimeMs >= since) written.push(name);
  }
  return written;
}

test.describe('the storefront caches catalog answers only for as long as it runs', () => {
  test('browsing writes no cached gateway answer to disk, where it would outlive the database it came from', async ({
    page,
  }) => {
    const since = Date.now() - 1_000;
    await page.goto('/');
    await expect(page.getByTestId('product-card').first()).toBeVisible();
    const category = page.getByTestId('category-link').first();
    await category.click();
    await expect(page.getByTestId('category-name')).toBeVisible();
    await expect(page.getByTestId('product-card').first()).toBeVisible();

    expect(await entriesWrittenSince(since)).toEqual([]);
  });
});
