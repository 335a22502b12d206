import { expect, test, type Page, type Response } from '@playwright/test';
import { IDENTITY_URL, storefrontUrlFor, STOREFRONT_URL } from './support/platform';

/**
 * Every page of the store, error pages included, is sent with one Content-Security-Policy (scripts by
 * this response's nonce only, no framing, forms to the store and Identity) and the other security
 * headers, and the pages work under it: the browser reports no violation and Next's scripts run.
 */
const storeOrigin = new URL(STOREFRONT_URL).origin;

function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** Checks the headers of one of the store's answers and returns the nonce of its policy. */
async function expectSecurityHeaders(response: Response | null): Promise<string> {
  expect(response, 'the store answered').not.toBeNull();
  const headers = await response!.allHeaders();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  const policy = directives(headers['content-security-policy'] ?? '');
  expect(policy['frame-ancestors']).toEqual(["'none'"]);
  expect(policy['form-action']).toEqual(["'self'", new URL(IDENTITY_URL).origin]);
  expect(policy['object-src']).toEqual(["'none'"]);
  expect(policy['script-src']).toContain("'strict-dynamic'");
  expect(policy['script-src']).not.toContain("'unsafe-inline'");
  const nonce = policy['script-src']?.map((source) => /^'nonce-(.+)'$/.exec(source)?.[1]).find(Boolean);
  expect(nonce, 'the policy carries a nonce').toBeTruthy();
  return nonce!;
}

/** What the browser refused on a page because of the policy: console reports and violation events. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  return violations;
}

async function openUnderPolicy(page: Page, url: string, status = 200): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const violations = watchViolations(page);
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(status);
  const nonce = await expectSecurityHeaders(response);
  // Every script the page was sent with carries this response's nonce (scripts those load need none:
  // 'strict-dynamic'), and Next's scripts have run.
  const scripts = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, 'the page has scripts').toBeGreaterThan(0);
  expect(scripts.filter((script) => !script.includes(`nonce="${nonce}"`))).toEqual([]);
  await page.waitForLoadState('load');
  await expect.poll(() => page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown }).__next_f))).toBe(true);
  expect(violations).toEqual([]);
}

test.describe('the store’s pages are sent with one security policy', () => {
  test('home, a category and a product', async ({ page }) => {
    await openUnderPolicy(page, '/');
    const category = await page.getByTestId('category-link').first().getAttribute('href');
    expect(category).toBeTruthy();

    await openUnderPolicy(page, category!);
    const product = await page.getByTestId('product-card').first().locator('a').first().getAttribute('href');
    expect(product).toBeTruthy();

    await openUnderPolicy(page, product!);
  });

  test('a page that does not exist', async ({ page }) => {
    await openUnderPolicy(page, '/p/no-such-product-anywhere', 404);
    await openUnderPolicy(page, '/no/such/page', 404);
  });

  test('the sign-in route, on its way to Identity, and the sign-in error page', async ({ page }) => {
    const atIdentity = await page.goto('/account/sign-in');
    // The first answer of the redirect chain is the store's, which sends the browser to Identity.
    let first = atIdentity!.request();
    while (first.redirectedFrom()) first = first.redirectedFrom()!;
    const signIn = await first.response();
    expect(signIn?.status()).toBe(302);
    expect(new URL(signIn!.url()).origin).toBe(storeOrigin);
    await expectSecurityHeaders(signIn);
    await expect(page.getByLabel('Email', { exact: true })).toBeVisible();

    await openUnderPolicy(page, '/account/sign-in-error?reason=expired');
  });

  test('the page of an address where no store is configured', async ({ page }) => {
    const violations = watchViolations(page);
    const response = await page.goto(storefrontUrlFor('no-such-store.localhost'));
    expect(response?.status()).toBe(404);
    await expectSecurityHeaders(response);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('No store is configured for this address');
    expect(violations).toEqual([]);
  });
});
