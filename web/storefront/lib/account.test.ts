import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchProfile, UNAUTHORIZED, updateProfile } from './account';
import type { GatewayOptions } from './gateway';
import { json, startFakeGateway, type FakeGateway } from './testing/fake-gateway';

let gateway: FakeGateway;

beforeAll(async () => {
  gateway = await startFakeGateway();
});

afterAll(() => gateway.close());

beforeEach(() => gateway.reset());

function options(): GatewayOptions {
  return { url: gateway.url, revalidateSeconds: 30, timeoutMs: 2_000, logger: { error: () => {} } };
}

describe('fetchProfile', () => {
  it('reads the shopper’s profile through the gateway with their access token', async () => {
    gateway.answer((response) => json(response, 200, { data: { myProfile: { name: 'Ada', phone: null } } }));

    await expect(fetchProfile('token-1', options())).resolves.toEqual({ name: 'Ada', phone: null });

    expect(gateway.received[0]?.headers.authorization).toBe('Bearer token-1');
    expect(gateway.received[0]?.headers['x-merchant-id']).toBeUndefined();
    expect(gateway.received[0]?.body.operationName).toBe('MyProfile');
  });

  it('is null while the profile is on its way, and unauthorized when the token is refused', async () => {
    gateway.answer((response) => json(response, 200, { data: { myProfile: null } }));
    await expect(fetchProfile('token-1', options())).resolves.toBeNull();

    gateway.answer((response) =>
      json(response, 200, { errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }] }),
    );
    await expect(fetchProfile('expired', options())).resolves.toBe(UNAUTHORIZED);
  });
});

describe('updateProfile', () => {
  it('sends name and phone and returns what was saved', async () => {
    gateway.answer((response) =>
      json(response, 200, { data: { updateMyProfile: { name: 'Ada', phone: '+44 20 7946 0000' } } }),
    );

    const result = await updateProfile('token-1', { name: 'Ada', phone: '+44 20 7946 0000' }, options());

    expect(result).toEqual({ outcome: 'updated', profile: { name: 'Ada', phone: '+44 20 7946 0000' } });
    expect(gateway.received[0]?.body.variables).toEqual({ input: { name: 'Ada', phone: '+44 20 7946 0000' } });
  });

  it('returns the service’s field errors for bad input', async () => {
    gateway.answer((response) =>
      json(response, 200, {
        data: null,
        errors: [
          {
            message: 'One or more fields are invalid: phone',
            extensions: { code: 'BAD_USER_INPUT', fields: { phone: ['Use 7 to 20 characters.'] } },
          },
        ],
      }),
    );

    const result = await updateProfile('token-1', { name: 'Ada', phone: 'call me' }, options());

    expect(result).toEqual({ outcome: 'invalid', errors: { name: undefined, phone: ['Use 7 to 20 characters.'] }, detail: null });
  });

  it('is unauthorized when the token is refused, and fails on anything unexpected', async () => {
    gateway.answer((response) =>
      json(response, 400, { errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }] }),
    );
    await expect(updateProfile('expired', { name: '', phone: '' }, options())).resolves.toEqual({ outcome: UNAUTHORIZED });

    gateway.answer((response) => json(response, 200, { errors: [{ message: 'Subgraph "customers" is unavailable' }] }));
    await expect(updateProfile('token-1', { name: '', phone: '' }, options())).rejects.toThrow(/customers/);
  });
});
