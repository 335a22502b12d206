import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../test-support';
import { api, ApiError, identityApi } from './client';

afterEach(() => vi.unstubAllGlobals());

describe('api', () => {
  it('sends the anti-forgery header and JSON, and reads JSON back', async () => {
    const calls = stubFetch(() => jsonResponse(200, { ok: true }));
    await expect(api('/bff/merchant', { method: 'POST', body: { merchantId: 'm1' } })).resolves.toEqual({ ok: true });
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers['x-csrf']).toBe('1');
    expect(headers['content-type']).toBe('application/json');
    expect(calls[0]!.init.body).toBe('{"merchantId":"m1"}');
  });

  it('turns problem details into an ApiError that says why', async () => {
    stubFetch(() =>
      jsonResponse(403, { title: 'Permission denied.', detail: 'This needs the staff:manage permission.', status: 403 }, 'application/problem+json'),
    );
    const error = await identityApi('staff').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(403);
    expect((error as ApiError).message).toBe('This needs the staff:manage permission.');
  });

  it('lists field errors of a refused form', async () => {
    stubFetch(() => jsonResponse(400, { title: 'The request is invalid.', errors: { email: ['Enter an email address.'] } }));
    const error = (await api('/bff/api/identity/staff/invitations', { method: 'POST', body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(error.message).toBe('The request is invalid.');
    expect(error.fieldErrors).toEqual(['email: Enter an email address.']);
  });

  it('copes with an error that is not JSON', async () => {
    stubFetch(() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = (await api('/bff/graphql').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.message).toBe('Bad Gateway');
  });

  it('answers nothing for 204', async () => {
    stubFetch(() => new Response(null, { status: 204 }));
    await expect(identityApi('roles/r1', { method: 'DELETE' })).resolves.toBeUndefined();
  });
});
