/**
 * Server-side GraphQL client for the federation gateway.
 *
 * Catalog requests name the merchant in `x-merchant-id`; the gateway and the subgraphs scope all
 * data by it. Responses go through Next's data cache for a short time, tagged per merchant so an
 * event (a product or price change) can revalidate exactly one merchant's catalog. Platform-wide
 * queries (which store a host belongs to) carry no merchant and bring their own cache rule. A
 * signed-in shopper's own data goes with their access token and is never cached.
 */

import type { Environment } from './environment';

export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:4000/graphql';
export const DEFAULT_REVALIDATE_SECONDS = 30;
export const DEFAULT_TIMEOUT_MS = 10_000;

export type GatewayErrorKind = 'unreachable' | 'timeout' | 'http' | 'graphql' | 'invalid-response';

export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

export class GatewayError extends Error {
  readonly kind: GatewayErrorKind;
  readonly status: number | undefined;
  readonly errors: readonly GraphQLErrorEntry[];

  constructor(
    kind: GatewayErrorKind,
    message: string,
    options: { status?: number; errors?: readonly GraphQLErrorEntry[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'GatewayError';
    this.kind = kind;
    this.status = options.status;
    this.errors = options.errors ?? [];
  }
}

/** How long Next's data cache may serve an answer, and the tags that revalidate it early. */
export interface CacheRule {
  revalidateSeconds: number;
  tags: string[];
}

export interface GatewayRequest {
  /** Named operation, used in logs and traces. */
  operationName: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Sent as `x-merchant-id`; omitted for queries that are not about one merchant's data. */
  merchantId?: string;
  /** The signed-in shopper's access token (Authorization: Bearer); such requests are never cached. */
  accessToken?: string;
  /** Defaults to the catalog rule of `merchantId` (or no caching without a merchant). */
  cache?: CacheRule;
}

export interface GatewayLogger {
  error(message: string, details: Record<string, unknown>): void;
}

export interface GatewayOptions {
  url: string;
  revalidateSeconds: number;
  timeoutMs: number;
  logger: GatewayLogger;
}

/** Cache tag under which every catalog response of one merchant is stored (the purge names merchants in any case). */
export function catalogCacheTag(merchantId: string): string {
  return `catalog:${merchantId.toLowerCase()}`;
}

/** Cache tag of every merchant's catalog responses, for the purge a service sends when it starts. */
export const ALL_CATALOGS_CACHE_TAG = 'catalog:*';

const consoleLogger: GatewayLogger = {
  error: (message, details) => console.error(`[gateway] ${message}`, JSON.stringify(details)),
};

export function gatewayOptionsFromEnvironment(env: Environment = process.env): GatewayOptions {
  const revalidate = Number.parseInt(env.STOREFRONT_REVALIDATE_SECONDS ?? '', 10);
  return {
    url: env.GATEWAY_URL?.trim() || DEFAULT_GATEWAY_URL,
    revalidateSeconds: Number.isFinite(revalidate) && revalidate >= 0 ? revalidate : DEFAULT_REVALIDATE_SECONDS,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    logger: consoleLogger,
  };
}

interface GraphQLResponseBody<TData> {
  data?: TData | null;
  errors?: GraphQLErrorEntry[];
}

type CachePolicy = 'cached' | 'live';

/** The cache rule a request runs under; a revalidation time of 0 means "do not cache". */
export function cacheRuleFor(request: GatewayRequest, options: GatewayOptions): CacheRule {
  if (request.accessToken) return { revalidateSeconds: 0, tags: [] };
  if (request.cache) return request.cache;
  if (request.merchantId) {
    return { revalidateSeconds: options.revalidateSeconds, tags: [catalogCacheTag(request.merchantId), ALL_CATALOGS_CACHE_TAG] };
  }
  return { revalidateSeconds: 0, tags: [] };
}

function requestInit(request: GatewayRequest, options: GatewayOptions, policy: CachePolicy): RequestInit {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (request.merchantId) headers['x-merchant-id'] = request.merchantId;
  if (request.accessToken) headers.authorization = `Bearer ${request.accessToken}`;
  const init: RequestInit = {
    method: 'POST',
    headers,
    body: JSON.stringify({
      operationName: request.operationName,
      query: request.query,
      variables: request.variables ?? {},
    }),
    signal: AbortSignal.timeout(options.timeoutMs),
  };
  // Headers and body are part of Next's cache key; the tags let one merchant or host be revalidated.
  const rule = cacheRuleFor(request, options);
  if (policy === 'cached' && rule.revalidateSeconds > 0) {
    return { ...init, next: { revalidate: rule.revalidateSeconds, tags: rule.tags } };
  }
  return { ...init, cache: 'no-store' };
}

async function send<TData>(
  request: GatewayRequest,
  options: GatewayOptions,
  policy: CachePolicy,
): Promise<{ status: number; body: GraphQLResponseBody<TData> }> {
  let response: Response;
  try {
    response = await fetch(options.url, requestInit(request, options, policy));
  } catch (cause) {
    const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
    throw timedOut
      ? new GatewayError('timeout', `Gateway did not answer within ${options.timeoutMs} ms`, { cause })
      : new GatewayError('unreachable', `Gateway at ${options.url} is unreachable`, { cause });
  }

  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new GatewayError(
      response.ok ? 'invalid-response' : 'http',
      `Gateway answered ${response.status} with a body that is not JSON`,
      { status: response.status, cause },
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new GatewayError('invalid-response', 'Gateway answered with JSON that is not a GraphQL response', {
      status: response.status,
    });
  }
  const graphQLBody = body as GraphQLResponseBody<TData>;
  if (!response.ok && !Array.isArray(graphQLBody.errors)) {
    throw new GatewayError('http', `Gateway answered ${response.status}`, { status: response.status });
  }
  return { status: response.status, body: graphQLBody };
}

/**
 * Runs one operation and returns its data. Any GraphQL error fails the whole call: a page with a
 * silently missing price or stock level is worse than the error page.
 */
export async function queryGateway<TData>(
  request: GatewayRequest,
  options: GatewayOptions = gatewayOptionsFromEnvironment(),
): Promise<TData> {
  try {
    let result = await send<TData>(request, options, 'cached');
    if (result.body.errors?.length && cacheRuleFor(request, options).revalidateSeconds > 0) {
      // Next caches any 200 response, including one that carried errors (a subgraph was briefly
      // down). Ask once more, live, so a failure is never served from the cache.
      result = await send<TData>(request, options, 'live');
    }

    const { status, body } = result;
    if (body.errors?.length) {
      const messages = body.errors.map((error) => error.message).join('; ');
      throw new GatewayError('graphql', `Gateway returned errors for ${request.operationName}: ${messages}`, {
        status,
        errors: body.errors,
      });
    }
    if (body.data === undefined || body.data === null) {
      throw new GatewayError('invalid-response', `Gateway returned no data for ${request.operationName}`, { status });
    }
    return body.data;
  } catch (error) {
    const gatewayError =
      error instanceof GatewayError
        ? error
        : new GatewayError('invalid-response', `Unexpected failure calling the gateway: ${String(error)}`, {
            cause: error,
          });
    options.logger.error('request failed', {
      operation: request.operationName,
      merchantId: request.merchantId,
      // A shopper's own requests carry personal data (a phone number, say): it stays out of the logs.
      variables: request.accessToken ? undefined : request.variables,
      kind: gatewayError.kind,
      status: gatewayError.status,
      message: gatewayError.message,
    });
    throw gatewayError;
  }
}
