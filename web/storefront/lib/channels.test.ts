import { describe, expect, it } from 'vitest';
import {
  brandFromHost,
  channelsFromEnvironment,
  DEFAULT_CHANNELS_SPEC,
  hostNameFromHeader,
  parseChannelMap,
  resolveChannel,
} from './channels';

const DEMO = 'a1f0c0de-0000-4000-8000-000000000001';
const GLOBEX = 'b2f0c0de-0000-4000-8000-000000000002';

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

describe('parseChannelMap', () => {
  it('reads host=uuid pairs, tolerating spaces and an empty tail', () => {
    const map = parseChannelMap(` shop.example = ${GLOBEX.toUpperCase()} , other.example=${DEMO},`);
    expect([...map]).toEqual([
      ['shop.example', GLOBEX],
      ['other.example', DEMO],
    ]);
  });

  it('fails loudly on entries without a merchant, with a bad UUID, or with conflicting mappings', () => {
    expect(() => parseChannelMap('shop.example')).toThrow(/expected host=merchantUuid/);
    expect(() => parseChannelMap('shop.example=42')).toThrow(/must be a UUID/);
    expect(() => parseChannelMap(`=${DEMO}`)).toThrow(/bad host name/);
    expect(() => parseChannelMap(`a.example=${DEMO},a.example=${GLOBEX}`)).toThrow(/more than one merchant/);
  });

  it('maps the default local hosts to the demo merchant and globex.localhost to the second one', () => {
    const map = parseChannelMap(DEFAULT_CHANNELS_SPEC);
    expect(map.get('localhost')).toBe(DEMO);
    expect(map.get('127.0.0.1')).toBe(DEMO);
    expect(map.get('globex.localhost')).toBe(GLOBEX);
  });
});

describe('resolveChannel', () => {
  const channels = parseChannelMap(DEFAULT_CHANNELS_SPEC);

  it('resolves a known host whatever its port', () => {
    expect(resolveChannel('localhost:3000', channels)).toEqual({ host: 'localhost', merchantId: DEMO });
    expect(resolveChannel('globex.localhost:4321', channels)).toEqual({ host: 'globex.localhost', merchantId: GLOBEX });
  });

  it('returns null for an unknown or missing host', () => {
    expect(resolveChannel('unknown.localhost:3000', channels)).toBeNull();
    expect(resolveChannel(null, channels)).toBeNull();
  });
});

describe('channelsFromEnvironment', () => {
  it('uses STOREFRONT_CHANNELS when set and the default otherwise', () => {
    const custom = channelsFromEnvironment({ STOREFRONT_CHANNELS: `shop.example=${GLOBEX}` });
    expect([...custom.keys()]).toEqual(['shop.example']);
    const fallback = channelsFromEnvironment({ STOREFRONT_CHANNELS: ' ' });
    expect(fallback.get('localhost')).toBe(DEMO);
  });
});

describe('brandFromHost', () => {
  it.each([
    ['globex.localhost', 'Globex'],
    ['www.acme.example', 'Acme'],
    ['localhost', 'Store'],
    ['127.0.0.1', 'Store'],
    ['[::1]', 'Store'],
  ])('names %j as %j', (host, brand) => {
    expect(brandFromHost(host)).toBe(brand);
  });
});
