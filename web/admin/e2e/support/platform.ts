/**
 * What the admin's end-to-end tests know about the running platform: where Identity is (its hosted sign-in and
 * invitation pages, its development mailbox) and the demo people `./commerce up` seeds.
 */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const IDENTITY_URL = (process.env.IDENTITY_URL?.trim() || 'http://127.0.0.1:5103').replace(/\/+$/, '');

/** Every demo person's password (README: "Demo sign-ins"). */
export const DEMO_PASSWORD = 'commerce-demo-2026';
export const ACME_OWNER = 'owner@acme.example';
export const GLOBEX_OWNER = 'owner@globex.example';
/** Administrator at Acme Outfitters, Staff at Globex Home. */
export const MANAGER = 'manager@example.com';

export interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  textBody: string;
  createdAt: string;
}

/** The newest message to the address whose subject contains the text, waiting for it to arrive. */
export async function latestMessage(to: string, subjectContains: string, timeoutMs = 15_000): Promise<MailboxMessage> {
  const url = `${IDENTITY_URL}/dev/mailbox/messages?${new URLSearchParams({ to })}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
    const found = ((await response.json()) as MailboxMessage[]).find((message) =>
      message.subject.toLowerCase().includes(subjectContains.toLowerCase()),
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No email to ${to} about "${subjectContains}" arrived within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first http(s) link in a plain-text email. */
export function firstLink(message: MailboxMessage): string {
  const link = message.textBody.match(/https?:\/\/[^\s<>"')\]]+/)?.[0];
  if (!link) throw new Error(`The email "${message.subject}" to ${message.to} has no link: ${message.textBody}`);
  return link;
}

/** From the admin's signed-out page through Identity's hosted sign-in form, back to the admin. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-email')).toHaveText(email);
}

/** The storefront of the first demo store (Acme Outfitters answers at localhost). */
export const STOREFRONT_URL = (process.env.STOREFRONT_URL?.trim() || 'http://localhost:3000').replace(/\/+$/, '');
