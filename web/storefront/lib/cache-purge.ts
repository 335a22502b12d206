/**
 * The storefront's half of event-driven freshness: when a merchant's catalog, stock or standing changes, the services
 * post `{"merchantIds": [...]}` here (with the shared purge token), and every cached gateway answer tagged with those
 * merchants expires at once. The next page render asks the gateway again. Nothing waits for a time to live. A service
 * that starts posts `{"allMerchants": true}`, which covers a purge its previous process had not sent when it died.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Environment } from './environment';

export const PURGE_PATH = '/api/cache/purge';
const MERCHANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BODY_CHARACTERS = 4096;
const MAX_MERCHANTS = 100;

export type PurgeDecision =
  | { status: 204; merchantIds: string[] | 'all' }
  | { status: 400 | 401 | 404; message: string };

export function purgeTokenFromEnvironment(env: Environment = process.env): string | undefined {
  return env.CACHE_PURGE_TOKEN?.trim() || undefined;
}

function tokensMatch(expected: string, presented: string): boolean {
  const expectedBytes = Buffer.from(expected);
  const presentedBytes = Buffer.from(presented);
  return expectedBytes.length === presentedBytes.length && timingSafeEqual(expectedBytes, presentedBytes);
}

/** Decides a purge request from its authorization header and body text; without a configured token there is no endpoint. */
export function decidePurge(expectedToken: string | undefined, authorization: string | null, bodyText: string): PurgeDecision {
  if (!expectedToken) return { status: 404, message: 'Not found.' };
  const presented = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
  if (!tokensMatch(expectedToken, presented)) return { status: 401, message: 'A valid purge token is required.' };

  const refusal = {
    status: 400,
    message: `Send {"merchantIds": [...]}: 1 to ${MAX_MERCHANTS} merchant ids (GUIDs), or {"allMerchants": true}.`,
  } as const;
  if (bodyText.length > MAX_BODY_CHARACTERS) return refusal;
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return refusal;
  }
  if ((body as { allMerchants?: unknown } | null)?.allMerchants === true) return { status: 204, merchantIds: 'all' };
  const merchantIds = (body as { merchantIds?: unknown } | null)?.merchantIds;
  if (!Array.isArray(merchantIds) || merchantIds.length === 0 || merchantIds.length > MAX_MERCHANTS) return refusal;
  if (!merchantIds.every((id): id is string => typeof id === 'string' && MERCHANT_ID.test(id))) return refusal;
  return { status: 204, merchantIds: merchantIds.map((id) => id.toLowerCase()) };
}
