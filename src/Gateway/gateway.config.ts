/**
 * Hive Gateway for the commerce platform: serves the committed, build-time composed supergraph
 * (./supergraph.graphql, written by `npm run compose`) and routes each operation to the subgraphs.
 *
 * Environment
 *   PORT                          port to listen on (default 4000); the gateway binds to 127.0.0.1
 *                                 (the CLI's HOST variable overrides the address, e.g. 0.0.0.0 in a container)
 *   IDENTITY_GRAPHQL_URL          Identity subgraph endpoint (default baked into the supergraph: http://127.0.0.1:5103/graphql)
 *   CATALOG_GRAPHQL_URL           Catalog subgraph endpoint (default: http://127.0.0.1:5101/graphql)
 *   INVENTORY_GRAPHQL_URL         Inventory subgraph endpoint (default: http://127.0.0.1:5102/graphql)
 *   CUSTOMERS_GRAPHQL_URL         Customers subgraph endpoint (default: http://127.0.0.1:5104/graphql)
 *                                 Deployment: in production only the gateway should reach these endpoints (private
 *                                 network or network policy); clients come through the gateway's limits and CORS.
 *   CORS_ALLOWED_ORIGINS          first-party browser origins, comma-separated: the storefront's and the admin panel's
 *                                 public URLs (default, for local runs: http://localhost:3000, http://127.0.0.1:3000,
 *                                 http://localhost:5300, http://127.0.0.1:5300). Registered store hosts are allowed
 *                                 too, as Identity knows them. No origin is allowed credentials.
 *   NODE_ENV                      'production' turns GraphiQL, the landing page, introspection and field suggestions off
 *   OTEL_EXPORTER_OTLP_ENDPOINT   when set, traces are exported over OTLP http/protobuf to <endpoint>/v1/traces;
 *                                 the standard OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_EXPORTER_OTLP_HEADERS,
 *                                 OTEL_BSP_* and OTEL_SDK_DISABLED then apply as the OpenTelemetry spec defines them
 *   OTEL_SERVICE_NAME             service name on the exported spans (default 'gateway')
 *   PUBLIC_CACHE_TTL_SECONDS      longest time an anonymous catalog answer is served from memory (default 300; 0 turns
 *                                 the cache off); answers are purged by the services' events long before that
 *   PUBLIC_CACHE_MAX_ENTRIES      answers kept in memory (default 20000)
 *   CACHE_PURGE_TOKEN             shared secret of POST /cache/purge {"merchantIds": [...]}, which the services call
 *                                 when a merchant's catalog, stock or standing changes; unset, the endpoint is absent
 *
 * Endpoints: /graphql, /healthcheck (alive), /readiness (supergraph loaded), /metrics (Prometheus text), /cache/purge.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type GatewayConfig } from '@graphql-hive/gateway';
import { openTelemetrySetup } from '@graphql-hive/gateway/opentelemetry/setup';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { allowedOrigins } from './plugins/allowed-origins.ts';
import { useOperationCost } from './plugins/operation-cost.ts';
import { usePublicResponseCache } from './plugins/public-response-cache.ts';
import { useRequestSizeLimit } from './plugins/request-size.ts';
import { useSubgraphRefusals } from './plugins/subgraph-refusals.ts';

/** Client headers the subgraphs need: tenant, caller identity, correlation and language. */
const PROPAGATED_CLIENT_HEADERS = ['x-merchant-id', 'authorization', 'x-request-id', 'accept-language'];

/** Subgraph name in the supergraph (join__Graph name) -> environment variable overriding its URL. */
const SUBGRAPH_URL_VARIABLES = {
  identity: 'IDENTITY_GRAPHQL_URL',
  catalog: 'CATALOG_GRAPHQL_URL',
  inventory: 'INVENTORY_GRAPHQL_URL',
  customers: 'CUSTOMERS_GRAPHQL_URL',
} as const;

/** Matches the subgraphs' own limit: a larger request would be refused behind the gateway anyway. */
const MAX_REQUEST_BYTES = 256 * 1024;
const MAX_ALIASES = 10;
/** Two full pages of 100 products with their prices and availability (401 each), and a little more. */
const MAX_OPERATION_COST = 1000;

/** What decides an anonymous answer, besides the document and its variables. */
const DEDUPLICATION_HEADERS = new Set(['x-merchant-id', 'accept-language', 'authorization']);

/** Root fields whose answers are the same for every anonymous shopper of a merchant: the cache's allowlist. */
const PUBLIC_ROOT_FIELDS = new Set(['products', 'product', 'categories', 'category', 'collections', 'collection']);

const SUPERGRAPH_PATH = fileURLToPath(new URL('./supergraph.graphql', import.meta.url));
const LOCAL_FIRST_PARTY_ORIGINS = ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://localhost:5300', 'http://127.0.0.1:5300'];

const isProduction = process.env.NODE_ENV === 'production';
const otlpEndpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
const tracingEnabled = Boolean(otlpEndpoint);

if (tracingEnabled) {
  const requestedProtocol = process.env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? process.env.OTEL_EXPORTER_OTLP_PROTOCOL;
  if (requestedProtocol && requestedProtocol !== 'http/protobuf') {
    // A gRPC-only receiver would silently drop every export, so say so once at startup.
    console.warn(
      `[gateway] OTLP protocol "${requestedProtocol}" was requested, but traces are sent as http/protobuf; ` +
        'point OTEL_EXPORTER_OTLP_ENDPOINT at an OTLP/HTTP receiver.',
    );
  }
  // Must run before the gateway builds its plugins, so it lives at module load of this config.
  // The exporter reads the endpoint, headers and timeouts from the standard OTEL_* variables;
  // the default propagators are W3C trace context + baggage, so the incoming `traceparent` is
  // continued and a new one is injected into every subgraph request.
  openTelemetrySetup({
    contextManager: new AsyncLocalStorageContextManager(),
    resource: { serviceName: process.env.OTEL_SERVICE_NAME?.trim() || 'gateway' },
    traces: { exporter: new OTLPTraceExporter() },
  });
}

function subgraphLocationOverrides(): GatewayConfig['transportEntries'] {
  const overrides: Record<string, { location: string }> = {};
  for (const [subgraph, variable] of Object.entries(SUBGRAPH_URL_VARIABLES)) {
    const url = process.env[variable]?.trim();
    if (url) overrides[subgraph] = { location: url };
  }
  return overrides;
}

/** The first-party origins as browsers send them (scheme, host and port, no path). */
function firstPartyOrigins(): string[] {
  const configured = process.env.CORS_ALLOWED_ORIGINS?.split(',').map((origin) => origin.trim()).filter(Boolean);
  return (configured?.length ? configured : LOCAL_FIRST_PARTY_ORIGINS).map((origin) => new URL(origin).origin);
}

/** Identity's subgraph endpoint: its override, else the one baked into the supergraph. */
function identityGraphqlUrl(): string {
  const override = process.env[SUBGRAPH_URL_VARIABLES.identity]?.trim();
  if (override) return override;
  const baked = /@join__graph\(name: "identity", url: "([^"]+)"\)/.exec(readFileSync(SUPERGRAPH_PATH, 'utf8'));
  if (!baked) throw new Error('The supergraph names no identity subgraph; set IDENTITY_GRAPHQL_URL.');
  return baked[1];
}

function numberFromEnvironment(name: string, fallback: number): number {
  const value = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

const origins = allowedOrigins({ firstPartyOrigins: firstPartyOrigins(), identityGraphqlUrl: identityGraphqlUrl() });

export const gatewayConfig = defineConfig({
  supergraph: SUPERGRAPH_PATH,
  host: '127.0.0.1',
  port: Number(process.env.PORT) || 4000,
  transportEntries: subgraphLocationOverrides(),

  cors: origins.cors,

  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      const headers: Record<string, string> = {};
      for (const name of PROPAGATED_CLIENT_HEADERS) {
        const value = request.headers.get(name);
        if (value !== null) headers[name] = value;
      }
      return headers;
    },
  },

  // Reject abusive documents before any subgraph sees them; sized with room to spare for the
  // storefront's real queries: the longest (a product's page) has 87 tokens, none has an alias or is
  // deeper than 6, and the costliest (a page of 100 products) is estimated at 401.
  maxDepth: 10,
  maxTokens: 1000,
  // The schema is no one's business but the platform's: outside development, no introspection and no
  // "Did you mean" hints that would let a caller guess it field by field.
  blockFieldSuggestions: isProduction,
  disableIntrospection: isProduction,

  graphiql: !isProduction,
  landingPage: !isProduction,

  healthCheckEndpoint: '/healthcheck',
  readinessCheckEndpoint: '/readiness',
  prometheus: { endpoint: '/metrics', metrics: true },

  ...(tracingEnabled ? { openTelemetry: { traces: true } } : {}),

  // Identical anonymous queries that arrive while the first is still running wait for its answer instead of running
  // again: after a purge, a burst of shoppers costs the subgraphs one execution. Signed-in callers are never merged.
  inboundInflightRequestDeduplication: {
    enabled: (_args, request) => !request.headers.has('authorization'),
    shouldIncludeHeader: (name) => DEDUPLICATION_HEADERS.has(name.toLowerCase()),
  },

  plugins: () => [
    // A body is bounded before it is read, so a huge document costs neither memory nor parsing.
    useRequestSizeLimit({ maxBytes: MAX_REQUEST_BYTES }),
    // Aliases repeat a field, and its cost, for a few tokens each.
    maxAliasesPlugin({ n: MAX_ALIASES }),
    // Counts what the subgraphs would read (fields times page sizes), which maxTokens and maxDepth cannot see.
    useOperationCost({ maxCost: MAX_OPERATION_COST }),
    useSubgraphRefusals(),
    origins.plugin,
    // Last: a cached answer is one that passed every check above when it was first asked.
    ...usePublicResponseCache({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      publicRootFields: PUBLIC_ROOT_FIELDS,
      ttlMs: numberFromEnvironment('PUBLIC_CACHE_TTL_SECONDS', 300) * 1000,
      maxEntries: numberFromEnvironment('PUBLIC_CACHE_MAX_ENTRIES', 20_000),
      purgeToken: process.env.CACHE_PURGE_TOKEN?.trim() || undefined,
    }),
  ],
});
