import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { jsonResponse, renderWithQueries, stubFetch } from '../../test-support';
import { ProductsPage } from './ProductsPage';

const session = (permissions: string[]): Session => ({
  email: 'person@example.com',
  accountId: 'a1',
  merchantId: 'm1',
  merchantName: 'Acme Outfitters',
  role: 'Someone',
  permissions,
  memberships: [],
});

const product = (id: string, name: string) => ({
  id,
  slug: name.toLowerCase().replace(/ /g, '-'),
  name,
  status: 'DRAFT',
  isPublished: false,
  publishAt: null,
  unpublishAt: null,
  brand: null,
  productType: null,
  tags: [],
  updatedAt: '2026-12-01T10:00:00Z',
  version: 3,
  category: null,
  priceFrom: { amount: 1999, currency: 'USD' },
  variants: [{ id: `${id}-v`, sku: `SKU-${id}` }],
});

function platform(permissions: string[]) {
  return stubFetch(async (url, init) => {
    if (url === '/bff/session') return jsonResponse(200, session(permissions));
    const { query } = JSON.parse(String(init.body)) as { query: string };
    if (query.includes('CategoryTree')) return jsonResponse(200, { data: { categories: [] } });
    if (query.includes('query Collections'))
      return jsonResponse(200, {
        data: { collections: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [{ id: 'c1', slug: 'sale', title: 'On sale', kind: 'RULES', rules: null }] } },
      });
    if (query.includes('AdminProducts'))
      return jsonResponse(200, { data: { adminProducts: { totalCount: 2, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [product('p1', 'Trail jacket'), product('p2', 'Rain hat')] } } });
    if (query.includes('ProductsBulk'))
      return jsonResponse(200, {
        data: {
          productsBulk: [
            { productId: 'p1', ok: true, code: null, message: null, version: 4 },
            { productId: 'p2', ok: false, code: 'CONFLICT', message: 'Only drafts and archived products can be deleted.', version: null },
          ],
        },
      });
    return jsonResponse(404, {});
  });
}

const renderPage = () =>
  renderWithQueries(
    <MemoryRouter>
      <ProductsPage />
    </MemoryRouter>,
  );

describe('ProductsPage', () => {
  it('shows a reader the products but no editing actions', async () => {
    platform(['products:read']);
    renderPage();
    expect(await screen.findByRole('link', { name: 'Trail jacket' })).toBeTruthy();
    await screen.findByText('2 products');
    expect(screen.queryByRole('link', { name: 'New product' })).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('lets a writer select products and run a bulk action after confirming, showing each product’s result', async () => {
    const calls = platform(['products:read', 'products:write']);
    renderPage();
    await waitFor(() => expect(screen.getByRole('link', { name: 'New product' })).toBeTruthy());
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select Trail jacket' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Rain hat' }));
    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    expect(within(bar).getByText('2 products selected')).toBeTruthy();

    await userEvent.click(within(bar).getByRole('button', { name: 'Delete' }));
    expect(screen.getByText(/Delete 2 products\?/)).toBeTruthy();
    expect(calls.some((call) => String(call.init.body).includes('ProductsBulk'))).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));

    expect((await screen.findByRole('status')).textContent).toBe('1 of 2 changed.');
    const results = screen.getByRole('list', { name: 'Results' });
    expect(results.textContent).toContain('Not changed (CONFLICT): Rain hat — Only drafts and archived products can be deleted.');
    const bulk = calls.find((call) => String(call.init.body).includes('ProductsBulk'))!;
    expect(JSON.parse(String(bulk.init.body)).variables).toMatchObject({ action: 'DELETE', ids: ['p1', 'p2'] });
  });

  it('sends the filters to the platform', async () => {
    const calls = platform(['products:read']);
    renderPage();
    await screen.findByRole('link', { name: 'Trail jacket' });
    await userEvent.type(screen.getByLabelText('Search title or SKU'), 'jacket');
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'ARCHIVED');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() =>
      expect(calls.map((call) => JSON.parse(String(call.init.body ?? '{}')).variables).filter(Boolean)).toContainEqual(expect.objectContaining({ search: 'jacket', status: 'ARCHIVED' })),
    );
  });

  it('asks the platform for a collection, a stock state and an order', async () => {
    const calls = platform(['products:read']);
    renderPage();
    await screen.findByRole('link', { name: 'Trail jacket' });
    await screen.findByRole('option', { name: 'On sale' });
    await userEvent.selectOptions(screen.getByLabelText('Collection'), 'c1');
    await userEvent.selectOptions(screen.getByLabelText('Stock'), 'LOW_STOCK');
    await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'TITLE');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() =>
      expect(calls.map((call) => JSON.parse(String(call.init.body ?? '{}')).variables).filter(Boolean)).toContainEqual(
        expect.objectContaining({ collection: 'c1', stockState: 'LOW_STOCK', sort: 'TITLE' }),
      ),
    );
  });
});
