// Which browser pages may read the gateway's answers: the first-party origins and the registered store hosts,
// never with credentials; any other origin gets no CORS headers, so the browser keeps the answer from it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { gatewayDir, startGateway } from './support/gateway-process.mjs';
import { startSubgraph } from './support/subgraph-server.mjs';

const STOREFRONT_ORIGIN = 'https://shop.unified-commerce.test';
const ADMIN_ORIGIN = 'https://admin.unified-commerce.test';
const STORE_HOSTS = new Set(['outfitters.example', 'globex.localhost']);

async function queryFrom(gateway, origin) {
  return fetch(`${gateway.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ query: '{ products { totalCount } }' }),
    signal: AbortSignal.timeout(10_000),
  });
}

async function preflightFrom(gateway, origin) {
  return fetch(`${gateway.baseUrl}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    signal: AbortSignal.timeout(10_000),
  });
}

function assertRefused(response) {
  assert.equal(response.headers.get('access-control-allow-origin'), null);
  assert.equal(response.headers.get('access-control-allow-credentials'), null);
}

function assertAllowedWithoutCredentials(response, origin) {
  assert.equal(response.headers.get('access-control-allow-origin'), origin);
  assert.equal(response.headers.get('access-control-allow-credentials'), null);
  assert.match(response.headers.get('vary') ?? '', /\borigin\b/i);
}

describe('gateway CORS', { timeout: 60_000 }, () => {
  let identity;
  let catalog;
  let gateway;
  const lookedUpHosts = [];

  before(async () => {
    identity = await startSubgraph({
      contractPath: join(gatewayDir, 'subgraphs', 'identity.graphql'),
      entityTypeNames: ['Merchant'],
      queryFields: {
        storefrontChannel: ({ host }) => {
          lookedUpHosts.push(host);
          return STORE_HOSTS.has(host)
            ? { host, merchant: { id: 'm-1', name: 'Acme', defaultCurrency: 'USD', status: 'ACTIVE' } }
            : null;
        },
      },
      resolveReference: () => null,
    });
    catalog = await startSubgraph({
      contractPath: join(gatewayDir, 'subgraphs', 'catalog.graphql'),
      entityTypeNames: ['Product', 'ProductVariant', 'Category'],
      queryFields: { products: () => ({ nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } }) },
      resolveReference: () => null,
    });
    gateway = await startGateway({
      IDENTITY_GRAPHQL_URL: identity.url,
      CATALOG_GRAPHQL_URL: catalog.url,
      CORS_ALLOWED_ORIGINS: `${STOREFRONT_ORIGIN}, ${ADMIN_ORIGIN}`,
      NODE_ENV: 'production',
    });
  });

  after(async () => {
    await gateway?.stop();
    await Promise.all([identity?.close(), catalog?.close()]);
  });

  it('gives an unknown origin neither an allowed origin nor credentials', async () => {
    const response = await queryFrom(gateway, 'http://evil.example');

    assert.equal(response.status, 200); // Not a refusal of the request: the browser withholds the answer.
    assertRefused(response);
    assertRefused(await preflightFrom(gateway, 'http://evil.example'));
  });

  it('allows the first-party origins without credentials', async () => {
    for (const origin of [STOREFRONT_ORIGIN, ADMIN_ORIGIN]) {
      assertAllowedWithoutCredentials(await queryFrom(gateway, origin), origin);
      const preflight = await preflightFrom(gateway, origin);
      assertAllowedWithoutCredentials(preflight, origin);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/);
    }
  });

  it('allows a registered store host without credentials, asking Identity once while the answer is fresh', async () => {
    lookedUpHosts.length = 0;

    assertAllowedWithoutCredentials(await queryFrom(gateway, 'https://outfitters.example'), 'https://outfitters.example');
    assertAllowedWithoutCredentials(await queryFrom(gateway, 'https://outfitters.example'), 'https://outfitters.example');
    assertAllowedWithoutCredentials(await queryFrom(gateway, 'http://globex.localhost:3000'), 'http://globex.localhost:3000');

    assert.deepEqual(lookedUpHosts, ['outfitters.example', 'globex.localhost']);
  });

  it('gives a host that no store uses no CORS headers', async () => {
    assertRefused(await queryFrom(gateway, 'https://outfitters.example.evil.example'));
    assertRefused(await queryFrom(gateway, 'null'));
  });
});
