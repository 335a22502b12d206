import { timingSafeEqual } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway';
import { createInMemoryCache, defaultBuildResponseCacheKey, type Cache } from '@envelop/response-cache';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { parse, Kind, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';

/**
 * Public catalog answers from memory: a merchant's products and categories are the same for every shopper, so an
 * anonymous query for them is executed once and then served without parsing, planning or calling a subgraph.
 *
 * What may be cached is an allowlist, not a guess: only queries whose every root field is in `publicRootFields`, sent
 * with `x-merchant-id` and without `authorization`. The merchant is part of every key (one merchant's answer is never
 * another's), and so is the caller's language. A query with a signed-in caller is neither served from nor stored in
 * the cache. Answers with errors are never stored.
 *
 * Freshness comes from events, not from waiting: the services purge a merchant's answers when its catalog, stock or
 * standing changes (POST `purgePath` with the purge token), and purge every merchant when they start, which covers a
 * purge their previous process had not sent when it died. The time to live only bounds memory and a lost purge.
 */
export interface PublicResponseCacheOptions {
  /** The supergraph SDL: every Query field outside the allowlist is marked uncacheable. */
  supergraphSdl: string;
  /** Query fields whose answers depend on the merchant alone. */
  publicRootFields: ReadonlySet<string>;
  /** Upper bound on an answer's age should a purge be lost; 0 turns the cache off. */
  ttlMs: number;
  /** Answers kept, least recently used first out. */
  maxEntries: number;
  /** Shared secret of the purge endpoint; without one the endpoint does not exist. */
  purgeToken: string | undefined;
  purgePath?: string;
}

/** The pseudo-entity each cached answer is filed under, so one merchant's answers can be purged together. */
const MERCHANT_ENTITY = 'MerchantCatalog';
/** Every answer is also filed under this one, for the purge of every merchant a service sends when it starts. */
const EVERY_MERCHANT = { typename: 'MerchantCatalog', id: '*' };
const MERCHANT_HEADER = 'x-merchant-id';
/** Merchant ids are GUIDs; anything else is refused by the subgraphs and is not worth a cache slot. */
const MERCHANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PURGE_BODY_BYTES = 4096;

/** Query fields of the supergraph (type Query and its extensions). */
export function queryRootFields(supergraphSdl: string): string[] {
  const fields: string[] = [];
  for (const definition of parse(supergraphSdl).definitions) {
    if (
      (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
      definition.name.value === 'Query'
    ) {
      for (const field of (definition as ObjectTypeDefinitionNode | ObjectTypeExtensionNode).fields ?? []) {
        fields.push(field.name.value);
      }
    }
  }
  return fields;
}

function merchantOf(request: Request): string | null {
  const merchantId = request.headers.get(MERCHANT_HEADER)?.trim() ?? '';
  return MERCHANT_ID.test(merchantId) ? merchantId.toLowerCase() : null;
}

function isCacheable(request: Request): boolean {
  return !request.headers.has('authorization') && merchantOf(request) !== null;
}

/** The cache key starts with the merchant, so the store below can file each answer under it. */
function responseKey(merchantId: string, hash: string): string {
  return `${merchantId}/${hash}`;
}

/** Files every answer under its merchant as well as under the entities it contains. */
function merchantScopedCache(inner: Cache): Cache {
  return {
    get: (key) => inner.get(key),
    set(key, result, entities, ttl) {
      const merchantId = key.slice(0, key.indexOf('/'));
      return inner.set(key, result, [...entities, { typename: MERCHANT_ENTITY, id: merchantId }, EVERY_MERCHANT], ttl);
    },
    invalidate: (entities) => inner.invalidate(entities),
  };
}

function tokensMatch(expected: string, presented: string): boolean {
  const expectedBytes = Buffer.from(expected);
  const presentedBytes = Buffer.from(presented);
  return expectedBytes.length === presentedBytes.length && timingSafeEqual(expectedBytes, presentedBytes);
}

/** The merchants a purge names, `'all'` for `{"allMerchants": true}`, or null for a body that is neither. */
async function purgeRequestMerchants(request: Request): Promise<string[] | 'all' | null> {
  const text = await request.text();
  if (text.length > MAX_PURGE_BODY_BYTES) return null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if ((body as { allMerchants?: unknown })?.allMerchants === true) return 'all';
  const merchantIds = (body as { merchantIds?: unknown })?.merchantIds;
  if (!Array.isArray(merchantIds) || merchantIds.length === 0 || merchantIds.length > 100) return null;
  if (!merchantIds.every((id) => typeof id === 'string' && MERCHANT_ID.test(id))) return null;
  return merchantIds.map((id: string) => id.toLowerCase());
}

function problem(status: number, message: string): Response {
  return Response.json({ errors: [{ message }] }, { status });
}

export function usePublicResponseCache(options: PublicResponseCacheOptions): GatewayPlugin[] {
  const purgePath = options.purgePath ?? '/cache/purge';
  const store = merchantScopedCache(createInMemoryCache({ max: options.maxEntries }));
  const enabled = options.ttlMs > 0;

  // Every root field outside the allowlist makes an answer uncacheable, whichever other fields it has.
  const ttlPerSchemaCoordinate: Record<string, number> = {};
  for (const field of queryRootFields(options.supergraphSdl)) {
    if (!options.publicRootFields.has(field)) ttlPerSchemaCoordinate[`Query.${field}`] = 0;
  }

  const purgeEndpoint: GatewayPlugin = {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== purgePath) return;
      if (!options.purgeToken) {
        endResponse(problem(404, 'Not found.'));
        return;
      }
      if (request.method !== 'POST') {
        endResponse(problem(405, 'Purge with POST.'));
        return;
      }
      const presented = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
      if (!tokensMatch(options.purgeToken, presented)) {
        endResponse(problem(401, 'A valid purge token is required.'));
        return;
      }
      return purgeRequestMerchants(request).then(async (merchantIds) => {
        if (!merchantIds) {
          endResponse(problem(400, 'Send {"merchantIds": [...]}: 1 to 100 merchant ids (GUIDs), or {"allMerchants": true}.'));
          return;
        }
        await store.invalidate(merchantIds === 'all' ? [EVERY_MERCHANT] : merchantIds.map((id) => ({ typename: MERCHANT_ENTITY, id })));
        endResponse(new Response(null, { status: 204 }));
      });
    },
  };

  if (!enabled) return [purgeEndpoint];

  const cache = useResponseCache({
    cache: store,
    ttl: options.ttlMs,
    ttlPerSchemaCoordinate,
    enabled: (request) => isCacheable(request),
    // The language can change messages and formats a subgraph returns; the merchant decides the data.
    session: (request) => request.headers.get('accept-language')?.trim().toLowerCase().slice(0, 64) ?? '',
    buildResponseCacheKey: async (parameters) =>
      responseKey(merchantOf(parameters.request) ?? 'none', await defaultBuildResponseCacheKey(parameters)),
    // Cache metadata and validators stay inside: the storefront's own cache decides what browsers keep.
    includeExtensionMetadata: false,
  }) as GatewayPlugin;

  return [purgeEndpoint, cache];
}
