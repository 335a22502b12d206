import { describe, expect, it } from 'vitest';
import { decidePurge, purgeTokenFromEnvironment } from './cache-purge';

const TOKEN = 'the-purge-token';
const MERCHANT = '0190A1B2-0000-7000-8000-00000000000A';

describe('decidePurge', () => {
  it('names the merchants to purge, in lower case, for the right token', () => {
    expect(decidePurge(TOKEN, `Bearer ${TOKEN}`, JSON.stringify({ merchantIds: [MERCHANT] }))).toEqual({
      status: 204,
      merchantIds: [MERCHANT.toLowerCase()],
    });
  });

  it('purges every merchant for {"allMerchants": true}', () => {
    expect(decidePurge(TOKEN, `Bearer ${TOKEN}`, '{"allMerchants": true}')).toEqual({ status: 204, merchantIds: 'all' });
  });

  it('is no endpoint at all without a configured token', () => {
    expect(decidePurge(undefined, `Bearer ${TOKEN}`, JSON.stringify({ merchantIds: [MERCHANT] })).status).toBe(404);
    expect(purgeTokenFromEnvironment({ CACHE_PURGE_TOKEN: '  ' })).toBeUndefined();
    expect(purgeTokenFromEnvironment({ CACHE_PURGE_TOKEN: TOKEN })).toBe(TOKEN);
  });

  it('refuses a missing, wrong or differently sent token', () => {
    for (const authorization of [null, '', TOKEN, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`]) {
      expect(decidePurge(TOKEN, authorization, JSON.stringify({ merchantIds: [MERCHANT] })).status).toBe(401);
    }
  });

  it('refuses a body it cannot read, without purging anything', () => {
    const bodies = [
      '',
      '\u0000',
      'null',
      '[]',
      '{"merchantIds": "all"}',
      '{"allMerchants": "true"}',
      '{"allMerchants": 1}',
      '{"merchantIds": []}',
      '{"merchantIds": ["../../etc"]}',
      '{"merchantIds": [42]}',
      JSON.stringify({ merchantIds: Array.from({ length: 101 }, () => MERCHANT) }),
      JSON.stringify({ merchantIds: [MERCHANT, 'x'.repeat(5000)] }),
    ];
    for (const body of bodies) expect(decidePurge(TOKEN, `Bearer ${TOKEN}`, body).status, body.slice(0, 40)).toBe(400);
  });
});
