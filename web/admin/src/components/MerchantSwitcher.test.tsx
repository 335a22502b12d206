import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Membership } from '../api/types';
import { SESSION_KEY } from '../session/useSession';
import { jsonResponse, renderWithQueries, stubFetch } from '../test-support';
import { MerchantSwitcher } from './MerchantSwitcher';

const role = (id: string, name: string) => ({ id, name, permissions: [], isBuiltIn: true });
const memberships: Membership[] = [
  { merchantId: 'acme', merchantName: 'Acme Outfitters', role: role('administrator', 'Administrator') },
  { merchantId: 'globex', merchantName: 'Globex Home', role: role('staff', 'Staff') },
];

afterEach(() => vi.unstubAllGlobals());

describe('MerchantSwitcher', () => {
  it('lists the merchants the person works for, the current one chosen', () => {
    stubFetch(() => jsonResponse(200, {}));
    renderWithQueries(<MerchantSwitcher memberships={memberships} merchantId="acme" />);
    const select = screen.getByLabelText('Merchant') as HTMLSelectElement;
    expect(select.value).toBe('acme');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['Acme Outfitters (Administrator)', 'Globex Home (Staff)']);
  });

  it('is not shown to someone who works for one merchant', () => {
    renderWithQueries(<MerchantSwitcher memberships={memberships.slice(0, 1)} merchantId="acme" />);
    expect(screen.queryByLabelText('Merchant')).toBeNull();
  });

  it('switches through the backend, then forgets what it read for the previous merchant', async () => {
    const user = userEvent.setup();
    const calls = stubFetch(() => jsonResponse(200, { merchantId: 'globex' }));
    const { queries } = renderWithQueries(<MerchantSwitcher memberships={memberships} merchantId="acme" />);
    queries.setQueryData(['staff'], { members: [], invitations: [] });
    queries.setQueryData(SESSION_KEY, null);

    await user.selectOptions(screen.getByLabelText('Merchant'), 'globex');

    await waitFor(() => expect(queries.getQueryData(['staff'])).toBeUndefined());
    const switchCall = calls.find((call) => call.url === '/bff/merchant')!;
    expect(switchCall.init.method).toBe('POST');
    expect(switchCall.init.body).toBe('{"merchantId":"globex"}');
    expect((switchCall.init.headers as Record<string, string>)['x-csrf']).toBe('1');
    expect(queries.getQueryState(SESSION_KEY)?.isInvalidated).toBe(true);
  });

  it('says why a switch was refused', async () => {
    const user = userEvent.setup();
    stubFetch(() => jsonResponse(400, { title: 'You cannot switch to that merchant.', detail: 'You do not work for that merchant.' }));
    renderWithQueries(<MerchantSwitcher memberships={memberships} merchantId="acme" />);
    await user.selectOptions(screen.getByLabelText('Merchant'), 'globex');
    expect((await screen.findByRole('alert')).textContent).toContain('You do not work for that merchant.');
  });
});
