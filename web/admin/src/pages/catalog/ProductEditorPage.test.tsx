import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '../../test-support';
import ProductEditorPage from './ProductEditorPage';

const product = (version: number, name = 'Trail jacket') => ({
  id: 'p1',
  slug: 'trail-jacket',
  name,
  description: '<p>Warm.</p>',
  status: 'DRAFT',
  isPublished: false,
  publishAt: null,
  unpublishAt: null,
  brand: 'Acme',
  productType: null,
  tags: ['rain'],
  seoTitle: null,
  seoDescription: null,
  version,
  updatedAt: '2026-12-01T10:00:00Z',
  category: null,
  categories: [],
  options: [],
  variants: [{ id: 'v1', sku: 'TJ-1', title: 'Default', position: 0, barcode: null, weightGrams: null, options: [], price: { amount: 9900, currency: 'USD' }, compareAtPrice: null, cost: null }],
});

function platform(permissions: string[]) {
  let version = 3;
  return stubFetch(async (url, init) => {
    if (url === '/bff/session') return jsonResponse(200, { email: 'p@example.com', accountId: 'a', merchantId: 'm', merchantName: 'Acme Outfitters', role: 'R', permissions, memberships: [] });
    const { query } = JSON.parse(String(init.body)) as { query: string };
    if (query.includes('CategoryTree')) return jsonResponse(200, { data: { categories: [] } });
    if (query.includes('query ProductMedia')) return jsonResponse(200, { data: { adminProduct: { id: 'p1', media: [], variants: [] } } });
    if (query.includes('AdminProduct(')) return jsonResponse(200, { data: { adminProduct: product(version, version > 3 ? 'Trail jacket (their edit)' : 'Trail jacket') } });
    if (query.includes('ProductUpdate')) {
      // Someone else saved version 4 meanwhile.
      version = 4;
      return jsonResponse(200, { data: null, errors: [{ message: 'The product changed since version 3.', extensions: { code: 'CONFLICT', currentVersion: 4 } }] });
    }
    return jsonResponse(404, {});
  });
}

function renderEditor() {
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter([{ path: '/products/:id', element: <ProductEditorPage /> }], { initialEntries: ['/products/p1'] });
  render(
    <QueryClientProvider client={queries}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

// The editor mounts the rich-text editor and the whole form: slower than the other screens on a busy machine.
const EDITOR_TEST_TIMEOUT = 20_000;
const shown = { timeout: 10_000 };

describe('ProductEditorPage', () => {
  it('says when someone else saved first, and reloads their version', async () => {
    const calls = platform(['products:read', 'products:write']);
    renderEditor();
    await screen.findByRole('button', { name: 'Save' }, shown);
    const title = screen.getByLabelText('Title');
    await userEvent.clear(title);
    await userEvent.type(title, 'Trail jacket, lighter');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect((await screen.findByText('Someone else saved this product first.', {}, shown)).closest('[role="alert"]')).toBeTruthy();
    const update = calls.find((call) => String(call.init.body).includes('ProductUpdate'))!;
    expect(JSON.parse(String(update.init.body)).variables).toMatchObject({ id: 'p1', version: 3 });

    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByText('Someone else saved this product first.')).toBeNull(), shown);
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Trail jacket (their edit)');
    expect(screen.getByText(/version 4/)).toBeTruthy();
  }, EDITOR_TEST_TIMEOUT);

  it('shows a reader the product without a way to change it', async () => {
    platform(['products:read']);
    renderEditor();
    const title = await screen.findByLabelText('Title', {}, shown);
    // A disabled fieldset disables every field in it.
    expect(title.closest('fieldset')!.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Archive' })).toBeNull();
    expect(screen.queryByLabelText('Upload images')).toBeNull();
  }, EDITOR_TEST_TIMEOUT);
});
