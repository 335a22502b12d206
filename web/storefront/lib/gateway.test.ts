import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cacheRuleFor,
  catalogCacheTag,
  DEFAULT_GATEWAY_URL,
  DEFAULT_REVALIDATE_SECONDS,
  GatewayError,
  gatewayOptionsFromEnvironment,
  queryGateway,
  type GatewayOptions,
} from './gateway';
import {
  json,
  startFakeGateway,
  unusedGatewayUrl,
  type FakeGateway,
  type ReceivedRequest,
  type Responder,
} from './testing/fake-gateway';

const MERCHANT = 'a1f0c0de-0000-4000-8000-000000000001';

let gateway: FakeGateway;
let baseUrl: string;
let received: ReceivedRequest[];

/** Says how the fake gateway answers the next requests. */
function respond(responder: Responder) {
  gateway.answer(responder);
}

beforeAll(async () => {
  gateway = await startFakeGateway();
  baseUrl = gateway.url;
  received = gateway.received;
});

afterAll(() => gateway.close());

let logged: Array<{ message: string; details: Record<string, unknown> }> = [];

beforeEach(() => {
  gateway.reset();
  logged = [];
});

function options(overrides: Partial<GatewayOptions> = {}): GatewayOptions {
  return {
    url: baseUrl,
    revalidateSeconds: 30,
    timeoutMs: 2_000,
    logger: { error: (message, details) => logged.push({ message, details }) },
    ...overrides,
  };
}

const request = {
  operationName: 'StorefrontProduct',
  query: 'query StorefrontProduct($slug: String!) { product(slug: $slug) { id } }',
  variables: { slug: 'red-shoe' },
  merchantId: MERCHANT,
};

async function expectGatewayError(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

describe('queryGateway', () => {
  it('posts the operation with the merchant header and returns its data', async () => {
    respond((response) => json(response, 200, { data: { product: { id: 'p1' } } }));

    const data = await queryGateway<{ product: { id: string } }>(request, options());

    expect(data).toEqual({ product: { id: 'p1' } });
    expect(received).toHaveLength(1);
    const [sent] = received;
    expect(sent?.method).toBe('POST');
    expect(sent?.url).toBe('/graphql');
    expect(sent?.headers['x-merchant-id']).toBe(MERCHANT);
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.body).toEqual({
      operationName: 'StorefrontProduct',
      query: request.query,
      variables: { slug: 'red-shoe' },
    });
    expect(logged).toEqual([]);
  });

  it('fails on GraphQL errors after asking once more live, and logs the failure', async () => {
    respond((response) =>
      json(response, 200, { data: null, errors: [{ message: 'Subgraph "inventory" is unavailable' }] }),
    );

    const error = await expectGatewayError(queryGateway(request, options()));

    expect(error.kind).toBe('graphql');
    expect(error.status).toBe(200);
    expect(error.message).toContain('Subgraph "inventory" is unavailable');
    expect(error.errors).toEqual([{ message: 'Subgraph "inventory" is unavailable' }]);
    expect(received).toHaveLength(2);
    expect(logged).toHaveLength(1);
    expect(logged[0]?.details).toMatchObject({ operation: 'StorefrontProduct', merchantId: MERCHANT, kind: 'graphql' });
  });

  it('uses the live answer when a retried request succeeds', async () => {
    respond((response) =>
      received.length === 1
        ? json(response, 200, { errors: [{ message: 'temporary' }] })
        : json(response, 200, { data: { product: { id: 'p1' } } }),
    );

    await expect(queryGateway(request, options())).resolves.toEqual({ product: { id: 'p1' } });
    expect(received).toHaveLength(2);
  });

  it('does not retry when caching is switched off', async () => {
    respond((response) => json(response, 200, { errors: [{ message: 'broken' }] }));

    const error = await expectGatewayError(queryGateway(request, options({ revalidateSeconds: 0 })));

    expect(error.kind).toBe('graphql');
    expect(received).toHaveLength(1);
  });

  it('reports a request rejected with GraphQL errors and a 4xx status', async () => {
    respond((response) => json(response, 400, { errors: [{ message: 'Cannot query field "nope"' }] }));

    const error = await expectGatewayError(queryGateway(request, options({ revalidateSeconds: 0 })));

    expect(error.kind).toBe('graphql');
    expect(error.status).toBe(400);
  });

  it('reports an HTTP failure without a GraphQL body', async () => {
    respond((response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html>Bad gateway</html>');
    });

    const error = await expectGatewayError(queryGateway(request, options()));

    expect(error.kind).toBe('http');
    expect(error.status).toBe(502);
    expect(logged[0]?.details).toMatchObject({ kind: 'http', status: 502 });
  });

  it('reports a 2xx answer that is not a GraphQL response', async () => {
    respond((response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('hello');
    });
    expect((await expectGatewayError(queryGateway(request, options()))).kind).toBe('invalid-response');

    respond((response) => json(response, 200, ['not', 'an', 'object']));
    expect((await expectGatewayError(queryGateway(request, options()))).kind).toBe('invalid-response');

    respond((response) => json(response, 200, { data: null }));
    expect((await expectGatewayError(queryGateway(request, options()))).kind).toBe('invalid-response');
  });

  it('reports a gateway that does not answer in time', async () => {
    respond((response) => {
      setTimeout(() => json(response, 200, { data: {} }), 1_000);
    });

    const error = await expectGatewayError(queryGateway(request, options({ timeoutMs: 100 })));

    expect(error.kind).toBe('timeout');
  });

  it('sends no merchant header for a query that is not about one merchant, and caches it only by its own rule', async () => {
    respond((response) => json(response, 200, { data: { storefrontChannel: null } }));
    const platformQuery = { operationName: 'StorefrontChannel', query: '{ storefrontChannel(host: "a") { host } }' };

    await queryGateway(platformQuery, options());

    expect(received[0]?.headers['x-merchant-id']).toBeUndefined();
    expect(cacheRuleFor(platformQuery, options())).toEqual({ revalidateSeconds: 0, tags: [] });
    const ruled = { ...platformQuery, cache: { revalidateSeconds: 5, tags: ['channel:a'] } };
    expect(cacheRuleFor(ruled, options())).toEqual({ revalidateSeconds: 5, tags: ['channel:a'] });
  });

  it('sends a shopper’s own request with their token, never cached and without its variables in the log', async () => {
    respond((response) => json(response, 200, { errors: [{ message: 'Invalid phone' }] }));
    const personal = {
      operationName: 'UpdateMyProfile',
      query: 'mutation UpdateMyProfile($input: ProfileInput!) { updateMyProfile(input: $input) { phone } }',
      variables: { input: { phone: '+1 555 0100' } },
      accessToken: 'shopper-token',
    };

    await expectGatewayError(queryGateway(personal, options()));

    expect(received).toHaveLength(1);
    expect(received[0]?.headers.authorization).toBe('Bearer shopper-token');
    expect(cacheRuleFor({ ...personal, merchantId: MERCHANT }, options())).toEqual({ revalidateSeconds: 0, tags: [] });
    expect(logged[0]?.details).toMatchObject({ operation: 'UpdateMyProfile', variables: undefined });
    expect(JSON.stringify(logged)).not.toContain('0100');
  });

  it('reports a gateway that is not listening', async () => {
    const error = await expectGatewayError(queryGateway(request, options({ url: await unusedGatewayUrl() })));

    expect(error.kind).toBe('unreachable');
    expect(logged[0]?.details).toMatchObject({ kind: 'unreachable' });
  });
});

describe('gateway configuration', () => {
  it('reads GATEWAY_URL and STOREFRONT_REVALIDATE_SECONDS with sensible defaults', () => {
    expect(gatewayOptionsFromEnvironment({})).toMatchObject({
      url: DEFAULT_GATEWAY_URL,
      revalidateSeconds: DEFAULT_REVALIDATE_SECONDS,
    });
    expect(
      gatewayOptionsFromEnvironment({
        GATEWAY_URL: 'http://gateway.internal/graphql',
        STOREFRONT_REVALIDATE_SECONDS: '0',
      }),
    ).toMatchObject({ url: 'http://gateway.internal/graphql', revalidateSeconds: 0 });
  });

  it('tags cached responses per merchant', () => {
    expect(catalogCacheTag(MERCHANT)).toBe(`catalog:${MERCHANT.toLowerCase()}`);
    expect(cacheRuleFor(request, options())).toEqual({ revalidateSeconds: 30, tags: [`catalog:${MERCHANT.toLowerCase()}`, 'catalog:*'] });
  });
});
