// What a client learns when a subgraph refuses or fails: the services' refusals keep their code, message and
// extensions through the gateway; failures nobody caused on purpose stay "Unexpected error." with no internals.
// The stand-in catalog answers exactly as the .NET services do: their HTTP middleware refuses with problem
// details (403, 400) before GraphQL runs, field access answers 400 with a GraphQL body, resolvers answer 200.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { findFreePort, gatewayDir, startGateway } from './support/gateway-process.mjs';
import { startSubgraph } from './support/subgraph-server.mjs';

const PROBLEM = 'application/problem+json';
const GRAPHQL_JSON = 'application/json; charset=utf-8';

/** Refusals keyed by the x-merchant-id the test sends, shaped like the services' own answers. */
const REFUSALS = {
  'header-disagrees': {
    status: 403,
    contentType: PROBLEM,
    body: {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.4',
      title: 'The merchant header does not match your credentials.',
      status: 403,
      detail: 'Your access token acts for merchant a1f0c0de-0000-4000-8000-000000000001; drop x-merchant-id or send that one.',
      traceId: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00',
    },
  },
  'header-invalid': {
    status: 400,
    contentType: PROBLEM,
    body: {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
      title: 'The merchant header is invalid.',
      status: 400,
      detail: 'x-merchant-id must be a single merchant id (a UUID).',
    },
  },
  suspended: {
    status: 403,
    contentType: PROBLEM,
    body: {
      type: 'https://unified-commerce.dev/problems/merchant-suspended',
      title: 'This store is suspended.',
      status: 403,
      detail: "The merchant's account is suspended; its APIs and storefront are closed until it is reactivated.",
    },
  },
  'field-access': {
    status: 400,
    contentType: GRAPHQL_JSON,
    body: {
      errors: [{
        message: 'Sign in to read Query.products: send an access token.',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'UNAUTHENTICATED', codes: ['UNAUTHENTICATED'], number: 'UNAUTHENTICATED' },
      }],
    },
  },
  'resolver-validation': {
    status: 200,
    contentType: GRAPHQL_JSON,
    body: {
      errors: [{
        message: 'Page size must be between 1 and 100.',
        path: ['products'],
        extensions: { code: 'BAD_USER_INPUT', codes: ['BAD_USER_INPUT'], fields: { first: ['Page size must be between 1 and 100.'] } },
      }],
      data: null,
    },
  },
  'server-fault': {
    status: 500,
    contentType: PROBLEM,
    body: {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
      title: 'An error occurred while processing your request.',
      status: 500,
      detail: 'Npgsql.PostgresException: 57P01 terminating connection at 10.0.3.7:5432',
    },
  },
  'proxy-page': { status: 502, contentType: 'text/html', body: '<html>Bad gateway at 10.0.3.7</html>' },
};

async function productsAs(gateway, merchantHeader, query = '{ products { totalCount } }') {
  const response = await fetch(`${gateway.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-merchant-id': merchantHeader },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(10_000),
  });
  return response.json();
}

function assertMasked(body) {
  assert.equal(body.errors?.length, 1, JSON.stringify(body));
  assert.equal(body.errors[0].message, 'Unexpected error.');
  assert.equal(body.errors[0].extensions?.code, 'INTERNAL_SERVER_ERROR');
  assert.doesNotMatch(JSON.stringify(body), /10\.0\.3\.7|127\.0\.0\.1|Npgsql|ECONNREFUSED|originalError/);
}

describe('gateway in production passing on subgraph refusals', { timeout: 60_000 }, () => {
  let catalog;
  let gateway;

  before(async () => {
    catalog = await startSubgraph({
      contractPath: join(gatewayDir, 'subgraphs', 'catalog.graphql'),
      entityTypeNames: ['Product', 'ProductVariant', 'Category'],
      queryFields: {
        products: () => ({ nodes: [{ id: 'p-1', name: 'Linen shirt' }], totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null } }),
      },
      resolveReference: () => null,
      refuse: (request) => REFUSALS[request.headers['x-merchant-id']] ?? null,
    });
    // Nothing listens there: an unreachable subgraph is a fault of the deployment, never the caller's.
    const unreachableInventory = `http://127.0.0.1:${await findFreePort()}/graphql`;
    gateway = await startGateway({ CATALOG_GRAPHQL_URL: catalog.url, INVENTORY_GRAPHQL_URL: unreachableInventory, NODE_ENV: 'production' });
  });

  after(async () => {
    await gateway?.stop();
    await catalog?.close();
  });

  it('passes on a 403 refusal with its reason as FORBIDDEN', async () => {
    const body = await productsAs(gateway, 'header-disagrees');

    assert.equal(body.data, null);
    assert.equal(body.errors?.length, 1, JSON.stringify(body));
    const [error] = body.errors;
    assert.equal(error.message, 'The merchant header does not match your credentials.');
    assert.equal(error.extensions.code, 'FORBIDDEN');
    assert.match(error.extensions.detail, /drop x-merchant-id or send that one/);
    assert.equal(error.extensions.status, 403);
  });

  it('keeps the problem type of a refusal that names one', async () => {
    const body = await productsAs(gateway, 'suspended');

    assert.equal(body.errors?.[0]?.message, 'This store is suspended.', JSON.stringify(body));
    assert.equal(body.errors[0].extensions.code, 'FORBIDDEN');
    assert.equal(body.errors[0].extensions.type, 'https://unified-commerce.dev/problems/merchant-suspended');
  });

  it('passes on a 400 refusal as BAD_USER_INPUT', async () => {
    const body = await productsAs(gateway, 'header-invalid');

    assert.equal(body.errors?.[0]?.message, 'The merchant header is invalid.', JSON.stringify(body));
    assert.equal(body.errors[0].extensions.code, 'BAD_USER_INPUT');
    assert.equal(body.errors[0].extensions.detail, 'x-merchant-id must be a single merchant id (a UUID).');
  });

  it('passes on a GraphQL error body sent with a 400 status, code and message intact', async () => {
    const body = await productsAs(gateway, 'field-access');

    assert.equal(body.errors?.[0]?.message, 'Sign in to read Query.products: send an access token.', JSON.stringify(body));
    assert.equal(body.errors[0].extensions.code, 'UNAUTHENTICATED');
  });

  it('passes on a resolver\'s BAD_USER_INPUT with its field messages', async () => {
    const body = await productsAs(gateway, 'resolver-validation');

    assert.equal(body.errors?.[0]?.message, 'Page size must be between 1 and 100.', JSON.stringify(body));
    assert.equal(body.errors[0].extensions.code, 'BAD_USER_INPUT');
    assert.deepEqual(body.errors[0].extensions.fields, { first: ['Page size must be between 1 and 100.'] });
  });

  it('masks a subgraph\'s server fault', async () => {
    assertMasked(await productsAs(gateway, 'server-fault'));
  });

  it('masks a non-GraphQL answer from something in front of a subgraph', async () => {
    assertMasked(await productsAs(gateway, 'proxy-page'));
  });

  it('masks an unreachable subgraph', async () => {
    const body = await productsAs(gateway, 'a1f0c0de-0000-4000-8000-000000000001', '{ products { nodes { name availability { inStock } } } }');

    assertMasked(body);
  });
});
