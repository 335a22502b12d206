import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CHANNEL_REVALIDATE_SECONDS,
  channelCacheTag,
  channelRequest,
  hostNameFromHeader,
  isStoreOpen,
  lookupChannel,
  rememberingChannelResolver,
  resolveChannel,
  type Channel,
} from './channels';
import { GatewayError, type GatewayOptions } from './gateway';
import { json, startFakeGateway, unusedGatewayUrl, type FakeGateway } from './testing/fake-gateway';

const ACME: Channel = {
  host: 'localhost',
  merchant: { id: 'a1f0c0de-0000-4000-8000-000000000001', name: 'Acme Outfitters', defaultCurrency: 'USD', status: 'ACTIVE' },
};
const GLOBEX: Channel = {
  host: 'globex.localhost',
  merchant: { id: 'b2f0c0de-0000-4000-8000-000000000002', name: 'Globex Home', defaultCurrency: 'EUR', status: 'ACTIVE' },
};
const SUSPENDED: Channel = {
  host: 'closed.localhost',
  merchant: { id: 'c3f0c0de-0000-4000-8000-000000000003', name: 'Closed Co', defaultCurrency: 'USD', status: 'SUSPENDED' },
};

/** The Identity service's host map, as the gateway serves it. */
const STORES = new Map([ACME, GLOBEX, SUSPENDED].map((channel) => [channel.host, channel]));

let gateway: FakeGateway;
let logged: Array<Record<string, unknown>> = [];

function options(overrides: Partial<GatewayOptions> = {}): GatewayOptions {
  return {
    url: gateway.url,
    revalidateSeconds: 30,
    timeoutMs: 2_000,
    logger: { error: (_message, details) => logged.push(details) },
    ...overrides,
  };
}

function answerFromStores() {
  gateway.answer((response, request) => {
    const host = request.body.variables?.host;
    json(response, 200, { data: { storefrontChannel: (typeof host === 'string' && STORES.get(host)) || null } });
  });
}

beforeAll(async () => {
  gateway = await startFakeGateway();
});

afterAll(() => gateway.close());

beforeEach(() => {
  gateway.reset();
  logged = [];
  answerFromStores();
});

describe('hostNameFromHeader', () => {
  it.each([
    ['localhost:3000', 'localhost'],
    ['LOCALHOST', 'localhost'],
    ['globex.localhost:8080', 'globex.localhost'],
    ['127.0.0.1:3000', '127.0.0.1'],
    ['shop.example.com.', 'shop.example.com'],
    ['[::1]:3000', '[::1]'],
    ['  store.example  ', 'store.example'],
  ])('reduces %j to %j', (header, expected) => {
    expect(hostNameFromHeader(header)).toBe(expected);
  });

  it.each([null, undefined, '', 'bad host', 'host:port', 'a/b', '[::1', '-leading.example'])(
    'rejects %j',
    (header) => {
      expect(hostNameFromHeader(header)).toBeNull();
    },
  );
});

describe('resolveChannel', () => {
  it('asks the gateway for a known host, without a merchant header, and returns its merchant', async () => {
    const channel = await resolveChannel('globex.localhost', options());

    expect(channel).toEqual(GLOBEX);
    expect(isStoreOpen(channel!)).toBe(true);
    expect(gateway.received).toHaveLength(1);
    const [sent] = gateway.received;
    expect(sent?.headers['x-merchant-id']).toBeUndefined();
    expect(sent?.body.operationName).toBe('StorefrontChannel');
    expect(sent?.body.query).toContain('storefrontChannel(host: $host)');
    expect(sent?.body.variables).toEqual({ host: 'globex.localhost' });
  });

  it('asks with the host name alone: port stripped, lower case', async () => {
    await expect(resolveChannel('GLOBEX.LocalHost:3000', options())).resolves.toEqual(GLOBEX);
    await expect(resolveChannel('Localhost.:8080', options())).resolves.toEqual(ACME);

    expect(gateway.received.map((request) => request.body.variables)).toEqual([
      { host: 'globex.localhost' },
      { host: 'localhost' },
    ]);
  });

  it('returns null for a host no store uses', async () => {
    await expect(resolveChannel('unknown.localhost:3000', options())).resolves.toBeNull();
    expect(gateway.received).toHaveLength(1);
    expect(logged).toEqual([]);
  });

  it('returns null for a missing or malformed Host header without asking the gateway', async () => {
    await expect(resolveChannel(null, options())).resolves.toBeNull();
    await expect(resolveChannel('bad host', options())).resolves.toBeNull();
    expect(gateway.received).toHaveLength(0);
  });

  it('returns a suspended store as closed', async () => {
    const channel = await resolveChannel('closed.localhost:3000', options());

    expect(channel?.merchant).toMatchObject({ name: 'Closed Co', status: 'SUSPENDED' });
    expect(isStoreOpen(channel!)).toBe(false);
  });

  it('fails with a logged GatewayError when the gateway is unreachable', async () => {
    const error = await resolveChannel('localhost', options({ url: await unusedGatewayUrl() })).catch((e) => e);

    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).kind).toBe('unreachable');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ operation: 'StorefrontChannel', variables: { host: 'localhost' } });
  });

  it('fails when the gateway answers with errors instead of the store', async () => {
    gateway.answer((response) =>
      json(response, 200, { data: null, errors: [{ message: 'Subgraph "identity" is unavailable' }] }),
    );

    const error = await resolveChannel('localhost', options()).catch((e) => e);

    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).kind).toBe('graphql');
    expect((error as GatewayError).message).toContain('identity');
  });

  it('fails on an answer that does not describe a store', async () => {
    gateway.answer((response) =>
      json(response, 200, { data: { storefrontChannel: { host: 'localhost', merchant: { id: 'x', name: 'X' } } } }),
    );

    const error = await lookupChannel('localhost', options()).catch((e) => e);

    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).kind).toBe('invalid-response');
    expect(logged).toHaveLength(1);
  });
});

describe('channel caching', () => {
  it('keeps a host’s answer for a few seconds under the tag channel:<host>', () => {
    expect(channelRequest('globex.localhost', options()).cache).toEqual({
      revalidateSeconds: CHANNEL_REVALIDATE_SECONDS,
      tags: [channelCacheTag('globex.localhost')],
    });
    expect(channelCacheTag('globex.localhost')).toBe('channel:globex.localhost');
    expect(CHANNEL_REVALIDATE_SECONDS).toBeLessThanOrEqual(5);
  });

  it('does not cache when caching is switched off', () => {
    expect(channelRequest('localhost', options({ revalidateSeconds: 0 })).cache?.revalidateSeconds).toBe(0);
  });
});

describe('rememberingChannelResolver', () => {
  function resolverWithClock(maxHosts?: number) {
    const clock = { now: 1_000_000 };
    const resolve = rememberingChannelResolver({ maxHosts, now: () => clock.now });
    return { clock, resolve };
  }

  it('asks the gateway once per host within the cache lifetime, and again after it', async () => {
    const { clock, resolve } = resolverWithClock();

    await expect(resolve('globex.localhost:3000', options())).resolves.toEqual(GLOBEX);
    clock.now += CHANNEL_REVALIDATE_SECONDS * 1000 - 1;
    await expect(resolve('GLOBEX.localhost', options())).resolves.toEqual(GLOBEX);
    expect(gateway.received).toHaveLength(1);

    clock.now += 1;
    await resolve('globex.localhost', options());
    expect(gateway.received).toHaveLength(2);
  });

  it('remembers that a host is unknown, so a new host name applies once the lifetime is over', async () => {
    const { clock, resolve } = resolverWithClock();
    await expect(resolve('new.localhost', options())).resolves.toBeNull();

    STORES.set('new.localhost', { ...GLOBEX, host: 'new.localhost' });
    try {
      await expect(resolve('new.localhost', options())).resolves.toBeNull();
      clock.now += CHANNEL_REVALIDATE_SECONDS * 1000;
      await expect(resolve('new.localhost', options())).resolves.toMatchObject({ host: 'new.localhost' });
    } finally {
      STORES.delete('new.localhost');
    }
  });

  it('shares one lookup between concurrent requests for a host', async () => {
    const { resolve } = resolverWithClock();
    const answers = await Promise.all([resolve('localhost', options()), resolve('localhost:3000', options())]);

    expect(answers).toEqual([ACME, ACME]);
    expect(gateway.received).toHaveLength(1);
  });

  it('does not remember a failure', async () => {
    const { resolve } = resolverWithClock();
    gateway.answer((response) => json(response, 502, 'down'));
    await expect(resolve('localhost', options())).rejects.toBeInstanceOf(GatewayError);

    answerFromStores();
    await expect(resolve('localhost', options())).resolves.toEqual(ACME);
    expect(gateway.received).toHaveLength(2);
  });

  it('remembers nothing when caching is switched off', async () => {
    const { resolve } = resolverWithClock();
    await resolve('localhost', options({ revalidateSeconds: 0 }));
    await resolve('localhost', options({ revalidateSeconds: 0 }));
    expect(gateway.received).toHaveLength(2);
  });

  it('forgets the stalest host beyond its limit', async () => {
    const { resolve } = resolverWithClock(2);
    await resolve('localhost', options());
    await resolve('globex.localhost', options());
    await resolve('closed.localhost', options());
    await resolve('globex.localhost', options());
    expect(gateway.received).toHaveLength(3);

    await resolve('localhost', options());
    expect(gateway.received).toHaveLength(4);
  });
});
