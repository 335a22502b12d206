// The gateway as it runs in production: no GraphiQL, no landing page, no tracing configured.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { gatewayDir, startGateway } from './support/gateway-process.mjs';
import { startSubgraph } from './support/subgraph-server.mjs';

describe('gateway with NODE_ENV=production and no OTLP endpoint', { timeout: 60_000 }, () => {
  let catalog;
  let gateway;

  before(async () => {
    catalog = await startSubgraph({
      contractPath: join(gatewayDir, 'subgraphs', 'catalog.graphql'),
      entityTypeNames: ['Product', 'ProductVariant', 'Category'],
      queryFields: { products: () => ({ nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } }) },
      resolveReference: () => null,
    });
    gateway = await startGateway({ CATALOG_GRAPHQL_URL: catalog.url, NODE_ENV: 'production' });
  });

  after(async () => {
    await gateway?.stop();
    await catalog?.close();
  });

  async function post(query) {
    const response = await fetch(`${gateway.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(10_000),
    });
    return response.json();
  }

  it('serves queries', async () => {
    const response = await fetch(`${gateway.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ products { totalCount } }' }),
      signal: AbortSignal.timeout(10_000),
    });

    assert.deepEqual(await response.json(), { data: { products: { totalCount: 0 } } });
  });

  it('offers neither GraphiQL nor the landing page', async () => {
    const graphiql = await fetch(`${gateway.baseUrl}/graphql`, {
      headers: { accept: 'text/html' },
      signal: AbortSignal.timeout(5_000),
    });
    const landingPage = await fetch(`${gateway.baseUrl}/`, {
      headers: { accept: 'text/html' },
      signal: AbortSignal.timeout(5_000),
    });

    assert.doesNotMatch(graphiql.headers.get('content-type') ?? '', /text\/html/);
    assert.notEqual(graphiql.status, 200);
    assert.equal(landingPage.status, 404);
  });

  it('refuses introspection', async () => {
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Product") { fields { name } } }']) {
      const body = await post(query);

      assert.ok(body.errors?.length, `${query} was answered: ${JSON.stringify(body)}`);
      assert.equal(body.data ?? null, null);
      assert.match(body.errors[0].message, /introspection/i);
    }
  });

  it('still answers __typename, which clients and the federation need', async () => {
    assert.deepEqual(await post('{ __typename products { __typename } }'), {
      data: { __typename: 'Query', products: { __typename: 'ProductConnection' } },
    });
  });

  it('does not suggest field names to a caller who guesses', async () => {
    const body = await post('{ prodcts { totalCount } }');

    assert.ok(body.errors?.length, 'expected an error');
    assert.doesNotMatch(body.errors[0].message, /did you mean/i);
  });

  it('does not start OpenTelemetry', () => {
    assert.doesNotMatch(gateway.output(), /OpenTelemetry/i);
  });
});
