import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { IDENTITY_URL, platformOperatorToken, storefrontUrlFor } from './support/platform';

/**
 * A suspended merchant's store closes within seconds and opens again once reactivated. The test
 * makes a store of its own (fresh merchant, unique host) so no other test's store changes state.
 */
const CHANGE_APPLIES_WITHIN_MS = 15_000;

const merchantId = randomUUID();
const merchantName = `Suspension Check ${merchantId.slice(0, 8)}`;
const host = `suspended-${merchantId.slice(0, 8)}.localhost`;
const storeUrl = storefrontUrlFor(host);

async function identity(method: 'PUT' | 'POST', path: string, body?: unknown): Promise<void> {
  const url = `${IDENTITY_URL}/api/v1/merchants/${merchantId}${path}`;
  const authorization = { authorization: `Bearer ${await platformOperatorToken()}` };
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? authorization : { ...authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    const reason = error instanceof Error && error.cause ? String(error.cause) : String(error);
    throw new Error(`The Identity service at ${IDENTITY_URL} is unreachable (IDENTITY_URL): ${reason}`);
  }
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${await response.text()}`);
}

async function statusOf(page: Page): Promise<number | undefined> {
  const response = await page.goto(storeUrl);
  return response?.status();
}

test.describe('a shopper visits a suspended store', () => {
  let created = false;

  test.beforeAll(async () => {
    await identity('PUT', '', { name: merchantName, defaultCurrency: 'USD', hosts: [host] });
    created = true;
  });

  test.afterAll(async () => {
    // The store was made for this test only; leave it open like every other store.
    if (created) await identity('POST', '/reactivate');
  });

  test('the store says it is temporarily unavailable (503) while suspended, and opens again after reactivation', async ({
    browser,
  }) => {
    test.setTimeout(3 * CHANGE_APPLIES_WITHIN_MS + 30_000);
    // Without JavaScript: every state must be readable from the server's HTML alone.
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const poll = { timeout: CHANGE_APPLIES_WITHIN_MS, intervals: [250, 500, 1_000] };

      await expect.poll(() => statusOf(page), { ...poll, message: `${storeUrl} opens for the new store` }).toBe(200);
      await expect(page.getByTestId('store-brand')).toHaveText(merchantName);

      await identity('POST', '/suspend', { reason: 'End-to-end test of a suspension' });
      await expect.poll(() => statusOf(page), { ...poll, message: `${storeUrl} closes after the suspension` }).toBe(503);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('This store is temporarily unavailable');
      await expect(page.getByTestId('store-unavailable-title')).toBeVisible();
      await expect(page.getByTestId('product-card')).toHaveCount(0);

      await identity('POST', '/reactivate');
      await expect.poll(() => statusOf(page), { ...poll, message: `${storeUrl} opens after reactivation` }).toBe(200);
      await expect(page.getByTestId('store-brand')).toHaveText(merchantName);
    } finally {
      await context.close();
    }
  });
});
