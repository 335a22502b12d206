/**
 * Identity's development mailbox: in development Identity keeps the emails it would send and lists
 * them at GET /dev/mailbox/messages?to=<address>, newest first, so tests can follow the links in them.
 */
import { IDENTITY_URL } from './platform';

export interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  textBody: string;
  createdAt: string;
}

export async function mailboxMessages(to: string): Promise<MailboxMessage[]> {
  const url = `${IDENTITY_URL}/dev/mailbox/messages?${new URLSearchParams({ to })}`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    const reason = error instanceof Error && error.cause ? String(error.cause) : String(error);
    throw new Error(`Identity's dev mailbox at ${IDENTITY_URL} is unreachable (IDENTITY_URL): ${reason}`);
  }
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as MailboxMessage[];
}

/**
 * The newest message to `to` that is not among `seen` (ids of messages already read), waiting for
 * it to arrive: Identity may send mail in the background.
 */
export async function nextMessage(
  to: string,
  { seen = [], timeoutMs = 15_000 }: { seen?: readonly string[]; timeoutMs?: number } = {},
): Promise<MailboxMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const fresh = (await mailboxMessages(to)).find((message) => !seen.includes(message.id));
    if (fresh) return fresh;
    if (Date.now() > deadline) throw new Error(`No new email to ${to} arrived within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first http(s) link in a plain-text email. */
export function firstLink(message: MailboxMessage): string {
  const link = message.textBody.match(/https?:\/\/[^\s<>"')\]]+/)?.[0];
  if (!link) throw new Error(`The email "${message.subject}" to ${message.to} has no link: ${message.textBody}`);
  return link;
}
