// Limits on what one request may make the platform do: page sizes count towards the cost, aliases and the body
// are bounded, and the storefront's own queries, at its largest page size, still pass.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { gatewayDir, startGateway } from './support/gateway-process.mjs';
import { startSubgraph } from './support/subgraph-server.mjs';

const STOREFRONT_MAX_PAGE_SIZE = 100;
const TEN_MEGABYTES = 10 * 1024 * 1024;

function product(index) {
  return {
    id: `p-${index}`, slug: `product-${index}`, name: `Product ${index}`, description: 'Made well.', category: null,
    priceFrom: { amount: 1000 + index, currency: 'EUR' }, variants: [], media: [], brand: null, seoTitle: null, seoDescription: null,
  };
}

/**
 * The storefront's GraphQL documents, read from its source so a change there is tested here: every
 * `const NAME = \`...\`` of the file, with `${OTHER}` interpolations resolved.
 */
function storefrontDocuments(relativePath) {
  const source = readFileSync(join(gatewayDir, '..', '..', 'web', 'storefront', relativePath), 'utf8');
  const constants = Object.fromEntries([...source.matchAll(/const (\w+) = `([^`]*)`/g)].map((match) => [match[1], match[2]]));
  const resolve = (text) => text.replace(/\$\{(\w+)\}/g, (_, name) => resolve(constants[name] ?? assert.fail(`unknown ${name}`)));
  return Object.fromEntries(Object.entries(constants).filter(([name]) => name.endsWith('_QUERY')).map(([name, text]) => [name, resolve(text)]));
}

async function postGraphQL(gateway, body, headers = {}) {
  const started = Date.now();
  const response = await fetch(`${gateway.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: await response.json(), elapsedMs: Date.now() - started };
}

/** Sends a raw body over node:http, optionally chunked (no content-length), and reads the status and text. */
function sendRaw(gateway, payload, { chunked }) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const url = new URL('/graphql', gateway.baseUrl);
    const request = httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': payload.length }) },
    });
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode, text, elapsedMs: Date.now() - started }));
    });
    // The gateway may answer and close before the whole body is sent; the answer is what counts.
    request.on('error', (error) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    const chunkSize = 64 * 1024;
    for (let offset = 0; offset < payload.length; offset += chunkSize) request.write(payload.subarray(offset, offset + chunkSize));
    request.end();
  });
}

describe('gateway limits', { timeout: 90_000 }, () => {
  let identity;
  let catalog;
  let inventory;
  let gateway;

  before(async () => {
    identity = await startSubgraph({
      contractPath: join(gatewayDir, 'subgraphs', 'identity.graphql'),
      entityTypeNames: ['Merchant'],
      queryFields: {
        storefrontChannel: ({ host }) => ({ host, merchant: { id: 'm-1', name: 'Acme', defaultCurrency: 'EUR', status: 'ACTIVE' } }),
      },
      resolveReference: () => null,
    });
    catalog = await startSubgraph({
      contractPath: join(gatewayDir, 'subgraphs', 'catalog.graphql'),
      entityTypeNames: ['Product', 'ProductVariant', 'Category'],
      queryFields: {
        // A page as large as asked for, as the real catalog serves it.
        products: ({ first }) => ({
          nodes: Array.from({ length: first }, (_, index) => product(index)),
          totalCount: first,
          pageInfo: { hasNextPage: false, endCursor: null },
        }),
        product: ({ slug }) => ({ ...product(1), slug }),
        categories: () => [],
        category: ({ slug }) => ({ id: 'c-1', slug, name: 'Shirts', parent: null, children: [] }),
      },
      resolveReference: ({ __typename, id }) => ({ __typename, ...product(Number(id.slice(2))) }),
    });
    inventory = await startSubgraph({
      contractPath: join(gatewayDir, 'subgraphs', 'inventory.graphql'),
      entityTypeNames: ['Product', 'ProductVariant'],
      resolveReference: ({ __typename, id }) => ({ __typename, id, availability: { inStock: true, quantityAvailable: 3 } }),
    });
    gateway = await startGateway({
      IDENTITY_GRAPHQL_URL: identity.url,
      CATALOG_GRAPHQL_URL: catalog.url,
      INVENTORY_GRAPHQL_URL: inventory.url,
      NODE_ENV: 'production',
    });
  });

  after(async () => {
    await gateway?.stop();
    await Promise.all([identity?.close(), catalog?.close(), inventory?.close()]);
  });

  it('refuses 140 aliases of a 100-product page before any subgraph is asked', async () => {
    catalog.receivedRequests.length = 0;
    const aliases = Array.from({ length: 140 }, (_, index) => `p${index}: products(first: 100) { nodes { id name } }`).join('\n');

    const { body } = await postGraphQL(gateway, { query: `{ ${aliases} }` });

    assert.equal(body.data ?? null, null);
    assert.equal(body.errors?.length, 1, JSON.stringify(body.errors));
    assert.match(body.errors[0].message, /limit of \d+ exceeded/i);
    assert.equal(catalog.receivedRequests.length, 0);
  });

  it('refuses more than 10 aliases, however cheap', async () => {
    const query = (count) => `{ ${Array.from({ length: count }, (_, index) => `c${index}: categories { id }`).join(' ')} }`;

    const allowed = await postGraphQL(gateway, { query: query(10) });
    const refused = await postGraphQL(gateway, { query: query(11) });

    assert.equal(allowed.body.errors, undefined, JSON.stringify(allowed.body.errors));
    assert.match(refused.body.errors?.[0]?.message ?? '', /aliases limit of 10 exceeded, found 11/i, JSON.stringify(refused.body));
  });

  it('counts page sizes: a few aliases of large pages are over the cost budget', async () => {
    catalog.receivedRequests.length = 0;
    const aliases = Array.from({ length: 5 }, (_, index) => `p${index}: products(first: $size) { ...Page }`).join('\n');
    const query = `query Pages($size: Int!) { ${aliases} }
      fragment Page on ProductConnection { nodes { name priceFrom { amount } availability { inStock } } }`;

    const { body } = await postGraphQL(gateway, { query, variables: { size: 100 } });

    assert.equal(body.data ?? null, null);
    assert.equal(body.errors?.[0]?.extensions?.code, 'COST_ESTIMATED_TOO_EXPENSIVE', JSON.stringify(body.errors));
    assert.match(body.errors[0].message, /estimated cost exceeds the maximum of 1000/);
    assert.equal(catalog.receivedRequests.length, 0);
  });

  it('counts the default page size when first is left out', async () => {
    // 24 per page by default: 8 pages x (1 + 24 x 5) is just under the budget, 9 are over it.
    const page = 'nodes { name category { id } priceFrom { amount } availability { inStock } variants { id } }';
    const query = (pages) => `{ ${Array.from({ length: pages }, (_, index) => `p${index}: products { ${page} }`).join(' ')} }`;

    const allowed = await postGraphQL(gateway, { query: query(8) });
    const refused = await postGraphQL(gateway, { query: query(9) });

    assert.equal(allowed.body.errors, undefined, JSON.stringify(allowed.body.errors));
    assert.equal(refused.body.errors?.[0]?.extensions?.code, 'COST_ESTIMATED_TOO_EXPENSIVE', JSON.stringify(refused.body));
  });

  it('refuses a 10 MB document with 413, quickly', async () => {
    const document = Buffer.from(JSON.stringify({ query: `{ products { nodes { name } } }${' '.repeat(TEN_MEGABYTES)}` }));

    const { status, text, elapsedMs } = await sendRaw(gateway, document, { chunked: false });

    assert.equal(status, 413, text);
    assert.match(text, /larger than 262144 bytes/);
    assert.ok(elapsedMs < 2_000, `took ${elapsedMs} ms`);
  });

  it('refuses a 10 MB document sent without a length, once the limit is passed', async () => {
    const document = Buffer.from(JSON.stringify({ query: `{ products { nodes { name } } }${' '.repeat(TEN_MEGABYTES)}` }));

    const { status, text, elapsedMs } = await sendRaw(gateway, document, { chunked: true });

    assert.equal(status, 413, text);
    assert.ok(elapsedMs < 2_000, `took ${elapsedMs} ms`);
  });

  it('serves every storefront query, with the largest page the storefront asks for', async () => {
    const documents = { ...storefrontDocuments('lib/catalog.ts'), ...storefrontDocuments('lib/channels.ts') };
    const variables = {
      host: 'localhost', first: STOREFRONT_MAX_PAGE_SIZE, after: null, categorySlug: 'shirts', slug: 'product-1',
    };
    assert.ok(Object.keys(documents).length >= 5, `found only ${Object.keys(documents)}`);

    for (const [name, query] of Object.entries(documents)) {
      const used = Object.fromEntries(Object.entries(variables).filter(([key]) => query.includes(`$${key}`)));
      const { status, body } = await postGraphQL(gateway, { query, variables: used }, { 'x-merchant-id': 'm-1' });

      assert.equal(status, 200, name);
      assert.equal(body.errors, undefined, `${name}: ${JSON.stringify(body.errors)}`);
    }
    const page = await postGraphQL(gateway, { query: documents.PRODUCTS_QUERY, variables: { first: STOREFRONT_MAX_PAGE_SIZE } });
    assert.equal(page.body.data.products.nodes.length, STOREFRONT_MAX_PAGE_SIZE);
    assert.deepEqual(page.body.data.products.nodes[0].availability, { inStock: true, quantityAvailable: 3 });
  });
});
