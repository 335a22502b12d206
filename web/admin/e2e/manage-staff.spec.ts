import { expect, test } from '@playwright/test';
import { ACME_OWNER, DEMO_PASSWORD, firstLink, latestMessage, MANAGER, signIn } from './support/platform';

/**
 * A store's owner manages staff in the admin: defines a role, invites someone in it; the invitee joins from the
 * email and sees only what the role allows. A person working for two stores switches between them.
 */
const stamp = Date.now();
const roleName = `Catalog editor ${stamp}`;
const invitee = `catalog-editor+${stamp}@example.com`;
const inviteePassword = `Editor-pass-${stamp}!`;

test('an owner defines a role and invites someone, who joins and sees only what the role allows', async ({ page, browser }) => {
  await test.step('the Acme owner signs in at Identity and lands in Acme Outfitters', async () => {
    await signIn(page, ACME_OWNER, DEMO_PASSWORD);
    await expect(page.getByTestId('merchant-name')).toHaveText('Acme Outfitters');
    // Tokens stay on the server: the session cookie is out of reach of scripts.
    expect(await page.evaluate(() => document.cookie)).not.toContain('uc_admin_session');
  });

  await test.step('creates the role "Catalog editor" with products:read and products:write', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roles' }).click();
    await page.getByRole('button', { name: 'New role' }).click();
    await page.getByLabel('Role name').fill(roleName);
    await page.getByRole('checkbox', { name: /products:read/ }).check();
    await page.getByRole('checkbox', { name: /products:write/ }).check();
    await page.getByRole('button', { name: 'Create role' }).click();
    const role = page.getByRole('listitem', { name: roleName });
    await expect(role).toContainText('See products');
    await expect(role).toContainText('Change products');
  });

  await test.step('invites a new person in that role', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).click();
    await expect(page.getByRole('cell', { name: ACME_OWNER, exact: true })).toBeVisible();
    await page.getByLabel('Email', { exact: true }).fill(invitee);
    await page.getByLabel('Role', { exact: true }).selectOption({ label: roleName });
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByRole('status')).toHaveText(`Invitation sent to ${invitee}.`);
    await expect(page.getByRole('button', { name: `Withdraw invitation to ${invitee}` })).toBeVisible();
  });

  const inviteeContext = await browser.newContext();
  const inviteePage = await inviteeContext.newPage();
  try {
    await test.step('the invitee accepts from the email at Identity', async () => {
      await inviteePage.goto(firstLink(await latestMessage(invitee, 'invited')));
      await inviteePage.getByLabel('Choose a password').fill(inviteePassword);
      await inviteePage.getByRole('button', { name: 'Create account and accept' }).click();
      await expect(inviteePage.getByRole('heading', { level: 1 })).toHaveText('Welcome to Acme Outfitters');
    });

    await test.step('in a fresh browser, signs in to the admin: no Staff screen, and a clear refusal at /staff', async () => {
      await inviteeContext.clearCookies();
      await signIn(inviteePage, invitee, inviteePassword);
      await expect(inviteePage.getByTestId('merchant-name')).toHaveText('Acme Outfitters');
      await expect(inviteePage.getByRole('link', { name: 'Staff' })).toHaveCount(0);
      await inviteePage.goto('/staff');
      await expect(inviteePage.getByRole('alert')).toContainText('staff:manage');
      await expect(inviteePage.getByRole('cell', { name: ACME_OWNER, exact: true })).toHaveCount(0);
    });
  } finally {
    await inviteeContext.close();
  }

  await test.step('the owner now sees the invitee as a member in the new role', async () => {
    await page.reload();
    await expect(page.getByRole('combobox', { name: `Role of ${invitee}` }).locator('option:checked')).toHaveText(roleName);
  });

  await test.step('the security log tells who was invited and who joined', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Security log' }).click();
    await expect(
      page.getByRole('row').filter({ hasText: 'Staff invited' }).filter({ hasText: invitee }).filter({ hasText: `by ${ACME_OWNER}` }),
    ).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Staff joined' }).filter({ hasText: invitee })).toBeVisible();
  });

  await test.step('signing out ends the session and returns to the sign-in page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
    await page.goto('/staff');
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  });
});

test('a manager working for two stores switches from Acme to Globex', async ({ page }) => {
  await signIn(page, MANAGER, DEMO_PASSWORD);
  const switcher = page.getByLabel('Merchant');
  await switcher.selectOption({ label: 'Acme Outfitters (Administrator)' });
  await expect(page.getByTestId('merchant-name')).toHaveText('Acme Outfitters');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).click();
  await expect(page.getByRole('cell', { name: ACME_OWNER, exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: MANAGER, exact: true })).toBeVisible();

  await switcher.selectOption({ label: 'Globex Home (Staff)' });
  await expect(page.getByTestId('merchant-name')).toHaveText('Globex Home');
  // Acme's people are gone from the screen; as Staff at Globex the manager may not list Globex's staff, and is told why.
  await expect(page.getByRole('cell', { name: ACME_OWNER, exact: true })).toHaveCount(0);
  await expect(page.getByRole('alert')).toContainText('staff:manage');
  await expect(page.getByRole('link', { name: 'Staff' })).toHaveCount(0);
});
