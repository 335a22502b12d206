// The public response cache of the real gateway: what it keeps, for whom, and how the services purge it.
// The stand-in catalog numbers every execution, so an answer served from the cache is the same number again and an
// answer from the subgraph is a new one.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { gatewayDir, startGateway } from './support/gateway-process.mjs';
import { startSubgraph } from './support/subgraph-server.mjs';

const PURGE_TOKEN = 'purge-token-for-tests';
const MERCHANT_A = '0190a1b2-0000-7000-8000-00000000000a';
const MERCHANT_B = '0190a1b2-0000-7000-8000-00000000000b';

const PRODUCT_LIST = /* GraphQL */ `query ProductList { products { nodes { id name } } }`;

function freshMerchant() {
  const suffix = Math.floor(Math.random() * 0xffffffffffff).toString(16).padStart(12, '0');
  return `0190a1b2-0000-7000-8000-${suffix}`;
}

describe('public response cache', { timeout: 90_000 }, () => {
  let catalog;
  let inventory;
  let gateway;
  let executions = 0;
  let refuseNext = false;

  before(async () => {
    catalog = await startSubgraph({
      contractPath: join(gatewayDir, 'subgraphs', 'catalog.graphql'),
      entityTypeNames: ['Product', 'ProductVariant', 'Category'],
      queryFields: {
        products: () => {
          executions += 1;
          return {
            nodes: [{ id: `p-${executions}`, slug: 'linen-shirt', name: `Linen shirt #${executions}` }],
            totalCount: 1,
            pageInfo: { hasNextPage: false, endCursor: null },
          };
        },
        categories: () => [],
      },
      resolveReference: () => null,
      refuse: () => {
        if (!refuseNext) return null;
        refuseNext = false;
        return {
          status: 503,
          contentType: 'application/problem+json',
          body: { title: 'The merchant is suspended.', status: 503 },
        };
      },
    });
    inventory = await startSubgraph({
      contractPath: join(gatewayDir, 'subgraphs', 'inventory.graphql'),
      entityTypeNames: ['Product', 'ProductVariant'],
      queryFields: { inventoryLocations: () => [{ id: 'l-1', code: 'main', name: 'Main warehouse' }] },
      resolveReference: () => null,
    });
    gateway = await startGateway({
      CATALOG_GRAPHQL_URL: catalog.url,
      INVENTORY_GRAPHQL_URL: inventory.url,
      NODE_ENV: 'production',
      CACHE_PURGE_TOKEN: PURGE_TOKEN,
    });
  });

  after(async () => {
    await gateway?.stop();
    await Promise.all([catalog?.close(), inventory?.close()]);
  });

  async function ask(query, headers = {}) {
    const response = await fetch(`${gateway.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, body: await response.json() };
  }

  async function productName(merchantId, headers = {}) {
    const { body } = await ask(PRODUCT_LIST, { 'x-merchant-id': merchantId, ...headers });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data.products.nodes[0].name;
  }

  function purge(body, token = PURGE_TOKEN) {
    return fetch(`${gateway.baseUrl}/cache/purge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  }

  it('answers a repeated anonymous catalog query from memory, without calling the subgraph', async () => {
    const merchant = freshMerchant();
    const first = await productName(merchant);
    const requestsBefore = catalog.receivedRequests.length;

    assert.equal(await productName(merchant), first);
    assert.equal(await productName(merchant), first);
    assert.equal(catalog.receivedRequests.length, requestsBefore);
  });

  it("never serves one merchant's answer to another", async () => {
    const ofA = await productName(MERCHANT_A);
    const ofB = await productName(MERCHANT_B);

    assert.notEqual(ofA, ofB);
    assert.equal(await productName(MERCHANT_A), ofA);
    assert.equal(await productName(MERCHANT_B), ofB);
  });

  it('neither serves nor keeps an answer for a signed-in caller', async () => {
    const merchant = freshMerchant();
    const anonymous = await productName(merchant);

    const signedIn = await productName(merchant, { authorization: 'Bearer token-of-a-shopper' });
    const signedInAgain = await productName(merchant, { authorization: 'Bearer token-of-a-shopper' });

    assert.notEqual(signedIn, anonymous, 'a signed-in caller was served the anonymous answer');
    assert.notEqual(signedInAgain, signedIn, "a signed-in caller's answer was kept");
    assert.equal(await productName(merchant), anonymous, "the signed-in answers replaced the shoppers' one");
  });

  it('keeps no answer that has a field outside the public allowlist', async () => {
    const merchant = freshMerchant();
    const mixed = `query Mixed { products { nodes { name } } inventoryLocations { code } }`;

    const first = await ask(mixed, { 'x-merchant-id': merchant });
    const second = await ask(mixed, { 'x-merchant-id': merchant });

    assert.equal(first.body.errors, undefined, JSON.stringify(first.body.errors));
    assert.notEqual(second.body.data.products.nodes[0].name, first.body.data.products.nodes[0].name);
  });

  it('keeps no answer without a merchant id, or with one that is not an id', async () => {
    for (const headers of [{}, { 'x-merchant-id': 'not-a-merchant' }]) {
      const first = await ask(PRODUCT_LIST, headers);
      const second = await ask(PRODUCT_LIST, headers);
      assert.notEqual(second.body.data.products.nodes[0].name, first.body.data.products.nodes[0].name, JSON.stringify(headers));
    }
  });

  it('keeps no answer that carried an error', async () => {
    const merchant = freshMerchant();
    refuseNext = true;
    const refused = await ask(PRODUCT_LIST, { 'x-merchant-id': merchant });
    assert.ok(refused.body.errors?.length, 'the refusal reached the caller');

    const requestsBefore = catalog.receivedRequests.length;
    await productName(merchant);
    assert.equal(catalog.receivedRequests.length, requestsBefore + 1, 'the refusal was served from the cache');
  });

  it("purges one merchant's answers and only those", async () => {
    const merchant = freshMerchant();
    const other = freshMerchant();
    const before = await productName(merchant);
    const ofOther = await productName(other);

    const response = await purge({ merchantIds: [merchant.toUpperCase()] });

    assert.equal(response.status, 204);
    assert.notEqual(await productName(merchant), before);
    assert.equal(await productName(other), ofOther);
  });

  it("purges every merchant's answers when asked for all", async () => {
    const merchant = freshMerchant();
    const other = freshMerchant();
    const before = await productName(merchant);
    const ofOther = await productName(other);

    const response = await purge({ allMerchants: true });

    assert.equal(response.status, 204);
    assert.notEqual(await productName(merchant), before);
    assert.notEqual(await productName(other), ofOther);
  });

  it('refuses a purge without the token, with a wrong one, or with a body it cannot read, and keeps the answers', async () => {
    const merchant = freshMerchant();
    const cached = await productName(merchant);

    assert.equal((await purge({ merchantIds: [merchant] }, null)).status, 401);
    assert.equal((await purge({ merchantIds: [merchant] }, 'purge-token-for-test')).status, 401);
    assert.equal((await purge('{"merchantIds": "all"}')).status, 400);
    assert.equal((await purge({ allMerchants: 'yes' })).status, 400);
    assert.equal((await purge({ merchantIds: ['../../etc'] })).status, 400);
    assert.equal((await purge({ merchantIds: [] })).status, 400);
    assert.equal((await purge(`{"merchantIds": ["${'x'.repeat(8000)}"]}`)).status, 400);
    assert.equal((await purge('\u0000')).status, 400);
    assert.equal(
      (await fetch(`${gateway.baseUrl}/cache/purge`, { headers: { authorization: `Bearer ${PURGE_TOKEN}` } })).status,
      405,
    );

    assert.equal(await productName(merchant), cached);
  });
});

describe('public response cache without a purge token', { timeout: 60_000 }, () => {
  let catalog;
  let gateway;

  before(async () => {
    catalog = await startSubgraph({
      contractPath: join(gatewayDir, 'subgraphs', 'catalog.graphql'),
      entityTypeNames: ['Product', 'ProductVariant', 'Category'],
      queryFields: { categories: () => [] },
      resolveReference: () => null,
    });
    gateway = await startGateway({ CATALOG_GRAPHQL_URL: catalog.url, NODE_ENV: 'production' });
  });

  after(async () => {
    await gateway?.stop();
    await catalog?.close();
  });

  it('has no purge endpoint', async () => {
    const response = await fetch(`${gateway.baseUrl}/cache/purge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer anything' },
      body: JSON.stringify({ merchantIds: [MERCHANT_A] }),
    });
    assert.equal(response.status, 404);
  });
});
