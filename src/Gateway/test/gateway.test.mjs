// The real gateway, configured by gateway.config.ts and the committed supergraph, in front of two
// small subgraphs that serve the contract SDL, with traces exported to a stand-in OTLP collector.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { delay, gatewayDir, startGateway } from './support/gateway-process.mjs';
import { startOtlpCollector } from './support/otlp-collector.mjs';
import { startSubgraph } from './support/subgraph-server.mjs';

const PRODUCTS = [
  { id: 'p-1', slug: 'linen-shirt', name: 'Linen shirt', description: 'Breathable.', category: null,
    priceFrom: { amount: 4900, currency: 'EUR' }, variants: [] },
  { id: 'p-2', slug: 'wool-scarf', name: 'Wool scarf', description: 'Warm.', category: null,
    priceFrom: { amount: 2900, currency: 'EUR' }, variants: [] },
];
const STOCK_BY_PRODUCT_ID = { 'p-1': 7, 'p-2': 0 };

const PRODUCT_LIST_QUERY = /* GraphQL */ `
  query ProductList { products { nodes { name availability { inStock } } } }
`;

/** `children { children { ... { id } } }`, `levels` fields deep. */
function nestedChildren(levels) {
  let selection = 'id';
  for (let level = 0; level < levels; level++) selection = `children { ${selection} }`;
  return selection;
}

function categoryTreeQuery(levels) {
  return `{ categories { ${nestedChildren(levels)} } }`;
}

async function postGraphQL(gateway, query, headers = {}) {
  const response = await fetch(`${gateway.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: await response.json() };
}

async function waitFor(condition, { timeoutMs, what }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = condition();
    if (value) return value;
    await delay(100);
  }
  assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

describe('gateway in front of the catalog and inventory subgraphs', { timeout: 90_000 }, () => {
  let catalog;
  let inventory;
  let collector;
  let gateway;

  before(async () => {
    catalog = await startSubgraph({
      contractPath: join(gatewayDir, 'subgraphs', 'catalog.graphql'),
      entityTypeNames: ['Product', 'ProductVariant', 'Category'],
      queryFields: {
        products: () => ({ nodes: PRODUCTS, totalCount: PRODUCTS.length, pageInfo: { hasNextPage: false, endCursor: null } }),
        categories: () => [],
      },
      resolveReference: ({ __typename, id }) =>
        __typename === 'Product' ? { __typename, ...PRODUCTS.find((product) => product.id === id) } : null,
    });
    inventory = await startSubgraph({
      contractPath: join(gatewayDir, 'subgraphs', 'inventory.graphql'),
      entityTypeNames: ['Product', 'ProductVariant'],
      resolveReference: ({ __typename, id }) => {
        const quantityAvailable = STOCK_BY_PRODUCT_ID[id] ?? 0;
        return { __typename, id, availability: { inStock: quantityAvailable > 0, quantityAvailable } };
      },
    });
    collector = await startOtlpCollector();
    gateway = await startGateway({
      CATALOG_GRAPHQL_URL: catalog.url,
      INVENTORY_GRAPHQL_URL: inventory.url,
      NODE_ENV: 'development',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
      OTEL_SERVICE_NAME: 'gateway-under-test',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
  });

  after(async () => {
    await gateway?.stop();
    await Promise.all([catalog?.close(), inventory?.close(), collector?.close()]);
  });

  it('merges a product list from catalog with availability from inventory', async () => {
    const { status, body } = await postGraphQL(gateway, PRODUCT_LIST_QUERY);

    assert.equal(status, 200);
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual(body.data.products.nodes, [
      { name: 'Linen shirt', availability: { inStock: true } },
      { name: 'Wool scarf', availability: { inStock: false } },
    ]);
  });

  it('passes the merchant, caller and correlation headers to every subgraph, and no others', async () => {
    catalog.receivedRequests.length = 0;
    inventory.receivedRequests.length = 0;

    const { body } = await postGraphQL(gateway, PRODUCT_LIST_QUERY, {
      'x-merchant-id': 'merchant-42',
      authorization: 'Bearer token-of-a-shopper',
      'x-request-id': 'request-7',
      'accept-language': 'de-DE',
      'x-not-for-subgraphs': 'secret',
    });

    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    for (const [name, subgraph] of [['catalog', catalog], ['inventory', inventory]]) {
      assert.ok(subgraph.receivedRequests.length > 0, `${name} received no request`);
      for (const { headers } of subgraph.receivedRequests) {
        assert.equal(headers['x-merchant-id'], 'merchant-42', `${name} x-merchant-id`);
        assert.equal(headers.authorization, 'Bearer token-of-a-shopper', `${name} authorization`);
        assert.equal(headers['x-request-id'], 'request-7', `${name} x-request-id`);
        assert.equal(headers['accept-language'], 'de-DE', `${name} accept-language`);
        assert.equal(headers['x-not-for-subgraphs'], undefined, `${name} got a header outside the allowlist`);
      }
    }
  });

  it('rejects a query deeper than the depth limit before calling any subgraph', async () => {
    catalog.receivedRequests.length = 0;

    const { body } = await postGraphQL(gateway, categoryTreeQuery(11));

    assert.ok(body.errors?.length, 'expected an error');
    assert.match(body.errors[0].message, /depth/i);
    assert.equal(body.data ?? null, null);
    assert.equal(catalog.receivedRequests.length, 0);
  });

  it('rejects a small document that fans out over the cost budget through aliases and a fragment', async () => {
    catalog.receivedRequests.length = 0;
    // Each alias is a page of 100 products with prices and availability: 4 x 301 is over the budget of 1000.
    const aliases = Array.from({ length: 4 }, (_, index) => `page${index}: products(first: 100) { ...Page }`).join('\n');
    const fragment = 'fragment Page on ProductConnection { nodes { name priceFrom { amount } availability { inStock } } }';

    const { body } = await postGraphQL(gateway, `{ ${aliases} }\n${fragment}`);

    assert.ok(body.errors?.length, 'expected an error');
    assert.equal(body.errors[0].extensions?.code, 'COST_ESTIMATED_TOO_EXPENSIVE', JSON.stringify(body.errors));
    assert.equal(catalog.receivedRequests.length, 0);
  });

  it('helps a developer who misspells a field, and answers introspection, outside production', async () => {
    const misspelt = await postGraphQL(gateway, '{ prodcts { totalCount } }');
    const introspection = await postGraphQL(gateway, '{ __schema { queryType { name } } }');

    assert.match(misspelt.body.errors?.[0]?.message ?? '', /did you mean "products"/i, JSON.stringify(misspelt.body));
    assert.deepEqual(introspection.body, { data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('continues the caller\'s W3C trace into the subgraph requests and exports spans as OTLP protobuf', async () => {
    catalog.receivedRequests.length = 0;
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';

    const { body } = await postGraphQL(gateway, PRODUCT_LIST_QUERY, {
      traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
    });

    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const subgraphTraceparent = catalog.receivedRequests[0]?.headers.traceparent;
    assert.match(subgraphTraceparent ?? '', new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    assert.notEqual(subgraphTraceparent.split('-')[2], '00f067aa0ba902b7', 'the gateway should add its own span');

    const traceIdBytes = Buffer.from(traceId, 'hex');
    const traceExport = await waitFor(
      () => collector.exports.find((exported) => exported.body.includes(traceIdBytes)),
      { timeoutMs: 15_000, what: 'an OTLP export containing the trace' },
    );
    assert.equal(traceExport.path, '/v1/traces');
    assert.equal(traceExport.contentType, 'application/x-protobuf');
    assert.ok(traceExport.body.includes(Buffer.from('gateway-under-test')), 'service name missing from the export');
  });

  it('answers the liveness and readiness probes', async () => {
    for (const path of ['/healthcheck', '/readiness']) {
      const response = await fetch(`${gateway.baseUrl}${path}`, { signal: AbortSignal.timeout(5_000) });
      assert.equal(response.status, 200, path);
    }
  });

  it('serves Prometheus metrics', async () => {
    const response = await fetch(`${gateway.baseUrl}/metrics`, { signal: AbortSignal.timeout(5_000) });
    const text = await response.text();

    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(text, /^# TYPE graphql_gateway_subgraph_execute_duration histogram$/m);
    assert.match(text, /^graphql_gateway_subgraph_execute_duration_count\{.*subgraphName="inventory".*\} \d+$/m);
  });

  it('offers GraphiQL outside production', async () => {
    const response = await fetch(`${gateway.baseUrl}/graphql`, {
      headers: { accept: 'text/html' },
      signal: AbortSignal.timeout(5_000),
    });

    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
  });
});
