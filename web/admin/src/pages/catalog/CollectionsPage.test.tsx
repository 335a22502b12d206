import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { PRODUCTS_WRITE } from '../../permissions';
import { jsonResponse, stubFetch } from '../../test-support';
import { CollectionEditorPage } from './CollectionsPage';

const rainyDays = {
  id: 'c1',
  slug: 'rainy-days',
  title: 'Rainy days',
  kind: 'RULES',
  description: '',
  version: 4,
  rules: {
    match: 'ANY',
    conditions: [
      { field: 'TAG', operator: 'EQUALS', value: 'rain' },
      { field: 'PRICE', operator: 'LESS_THAN', value: '5000' },
    ],
  },
  products: { totalCount: 0, nodes: [] },
};

function platform() {
  return stubFetch(async (url, init) => {
    if (url === '/bff/session') return jsonResponse(200, { email: 'p@example.com', accountId: 'a', merchantId: 'm', merchantName: 'Acme Outfitters', role: 'R', permissions: [PRODUCTS_WRITE], memberships: [] });
    const { query } = JSON.parse(String(init.body)) as { query: string };
    if (query.includes('CategoryTree')) return jsonResponse(200, { data: { categories: [] } });
    if (query.includes('query Collection(')) return jsonResponse(200, { data: { collection: rainyDays } });
    if (query.includes('CollectionRulesPreview')) return jsonResponse(200, { data: { collectionRulesPreview: { count: 7, publishedCount: 5 } } });
    if (query.includes('CollectionUpdate')) return jsonResponse(200, { data: { collectionUpdate: { id: 'c1', slug: 'rainy-days', version: 5 } } });
    return jsonResponse(404, {});
  });
}

function variablesOf(calls: { url: string; init: RequestInit }[], operation: string) {
  return calls
    .filter((call) => call.url === '/bff/graphql')
    .map((call) => JSON.parse(String(call.init.body)) as { query: string; variables: unknown })
    .filter((body) => body.query.includes(operation))
    .map((body) => body.variables);
}

describe('the collection editor', () => {
  it('opens a rule collection by slug, shows its amounts as typed and its live count, and saves against its version', async () => {
    const calls = platform();
    const queries = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
    const router = createMemoryRouter([{ path: '/collections/:slug', element: <CollectionEditorPage /> }], { initialEntries: ['/collections/rainy-days'] });
    render(
      <QueryClientProvider client={queries}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );

    expect(((await screen.findByLabelText('Value of condition 2')) as HTMLInputElement).value).toBe('50');
    expect((screen.getByLabelText('A product must meet') as HTMLSelectElement).value).toBe('ANY');
    // The count follows the conditions after a short pause in typing.
    expect(await screen.findByText('7 products match now, 5 of them published.', {}, { timeout: 5_000 })).toBeTruthy();
    expect(variablesOf(calls, 'query Collection(')).toEqual([{ slug: 'rainy-days' }]);
    const conditions = [
      { field: 'TAG', operator: 'EQUALS', value: 'rain' },
      { field: 'PRICE', operator: 'LESS_THAN', value: '5000' },
    ];
    expect(variablesOf(calls, 'CollectionRulesPreview').at(-1)).toEqual({ rules: { match: 'ANY', conditions } });

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Collection title'), '!');
    await user.click(screen.getByRole('button', { name: 'Save collection' }));
    await waitFor(() => expect(variablesOf(calls, 'CollectionUpdate')).toEqual([{ id: 'c1', version: 4, input: { title: 'Rainy days!', rules: { match: 'ANY', conditions } } }]));
  });
});
