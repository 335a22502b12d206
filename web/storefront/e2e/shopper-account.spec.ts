import { expect, test, type Page } from '@playwright/test';
import { firstLink, nextMessage } from './support/mailbox';
import { STOREFRONT_URL } from './support/platform';

/**
 * A shopper's account from start to end, through Identity's hosted pages for the store (Acme on
 * localhost): sign up with a name, confirm the email, keep the profile (name and phone), sign out and
 * in, reset a forgotten password, change it on the account page, and finally delete the account so
 * runs leave no shoppers behind.
 */
const email = `shopper+${Date.now()}@example.com`;
const name = 'Ada Lovelace';
const phone = '+44 20 7946 0958';
const firstPassword = `First-pass-${Date.now()}!`;
const resetPassword = `Reset-pass-${Date.now()}!`;
const changedPassword = `Changed-pass-${Date.now()}!`;

const storeOrigin = new URL(STOREFRONT_URL).origin;
const accountUrl = `${storeOrigin}/account`;

async function expectAccountPage(page: Page): Promise<void> {
  await expect(page).toHaveURL(accountUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
  await expect(page.getByTestId('account-email')).toHaveText(email);
  await expect(page.getByRole('link', { name: `Account ${email}` })).toBeVisible();
  await expect(page.getByTestId('sign-in-link')).toHaveCount(0);
}

async function expectSignedOut(page: Page): Promise<void> {
  // The header's link (a page may offer its own Sign in link too).
  await expect(page.getByTestId('sign-in-link')).toBeVisible();
  await expect(page.getByTestId('account-link')).toHaveCount(0);
}

/** From the store's home page through Identity's sign-in form; Identity must not know the browser. */
async function signIn(page: Page, password: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('sign-in-link').click();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectAccountPage(page);
}

/** A fresh start without any cookie, the storefront's or Identity's. */
async function forgetBrowser(page: Page): Promise<void> {
  await page.context().clearCookies();
}

test('a shopper signs up, confirms the email, keeps a profile, signs in and out, resets and changes the password', async ({ page }) => {
  test.setTimeout(180_000);
  const readMail: string[] = [];

  await test.step('create an account from the store’s Sign in link', async () => {
    await page.goto('/');
    await expectSignedOut(page);
    await page.getByTestId('sign-in-link').click();
    // Identity's hosted sign-in page of this store.
    await expect(page.getByLabel('Email', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(firstPassword);
    await page.getByLabel('Name (optional)').fill(name);
    await page.getByRole('button', { name: 'Create account' }).click();
  });

  await test.step('confirm the address from the email: signed in, on the account page', async () => {
    const verification = await nextMessage(email);
    readMail.push(verification.id);
    await page.goto(firstLink(verification));
    // The link opens a page with a button (mail scanners follow links, and must not use up the token).
    await page.getByRole('button', { name: 'Confirm email address' }).click();
    await expectAccountPage(page);
    await expect(page.getByTestId('account-email-verified')).toHaveText('Verified');
  });

  await test.step('the profile shows the name given at sign-up; a new phone is kept', async () => {
    // The Customers service makes the profile from the sign-up event, moments after the account.
    await expect(async () => {
      await page.reload();
      await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name, { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByLabel('Phone', { exact: true })).toHaveValue('');

    await page.getByLabel('Phone', { exact: true }).fill(phone);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Profile saved.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Phone', { exact: true })).toHaveValue(phone);
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
  });

  await test.step('a phone that is not one is refused and changes nothing', async () => {
    await page.getByLabel('Phone', { exact: true }).fill('call me');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText(/at least 7 digits/)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Phone', { exact: true })).toHaveValue(phone);
  });

  await test.step('the account page is personal: not cached, not indexed', async () => {
    const response = await page.request.get('/account', { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toMatch(/no-store/);
    expect(response.headers()['x-robots-tag']).toMatch(/noindex/);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    // Tokens stay in httpOnly cookies, out of reach of scripts.
    expect(await page.evaluate(() => document.cookie)).not.toContain('uc_storefront');
  });

  await test.step('sign out: back on the store’s home page, signed out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(`${storeOrigin}/`);
    await expectSignedOut(page);
    // Without a session the account page sends the shopper to sign in.
    const response = await page.request.get('/account', { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toContain('/account/sign-in');
  });

  await test.step('sign in again with the password', async () => {
    await signIn(page, firstPassword);
  });

  await test.step('reset a forgotten password through the emailed link', async () => {
    await forgetBrowser(page);
    await page.goto('/');
    await page.getByTestId('sign-in-link').click();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();

    const reset = await nextMessage(email, { seen: readMail });
    readMail.push(reset.id);
    await page.goto(firstLink(reset));
    await page.getByLabel('New password', { exact: true }).fill(resetPassword);
    await page.getByRole('button', { name: 'Set new password' }).click();
    // Whatever page Identity shows next, the password is set once it has answered the form.
    await expect(page.getByRole('button', { name: 'Set new password' })).toHaveCount(0);
  });

  await test.step('sign in with the new password', async () => {
    await forgetBrowser(page);
    await signIn(page, resetPassword);
  });

  await test.step('change the password on the account page: signed out, asked to sign in again', async () => {
    await page.getByLabel('Current password', { exact: true }).fill(resetPassword);
    await page.getByLabel('New password', { exact: true }).fill(changedPassword);
    await page.getByLabel('Repeat new password', { exact: true }).fill(changedPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Password changed');
    await expect(page.getByText('Sign in again with your new password')).toBeVisible();
    await expectSignedOut(page);
  });

  await test.step('sign in with the changed password', async () => {
    await forgetBrowser(page);
    await signIn(page, changedPassword);
  });

  await test.step('delete the account', async () => {
    await page.getByLabel('Confirm with your email address').fill(email);
    await page.getByRole('button', { name: 'Delete account' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account has been deleted');
    await expectSignedOut(page);
  });
});
