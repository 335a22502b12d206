import { describe, expect, it } from 'vitest';
import { exportUrl, filtersFrom, filtersToParams, filtersToVariables, NO_FILTERS } from './listFilters';

describe('the product list filters', () => {
  it('travel in the address as the REST API writes them and reach GraphQL by their names', () => {
    const filters = { ...NO_FILTERS, status: 'ACTIVE', stockState: 'LOW_STOCK', sort: 'TITLE_DESCENDING', collection: 'c1', brand: ' Acme ' } as const;

    const params = filtersToParams(filters);

    expect(params.toString()).toBe('status=active&collection=c1&brand=Acme&stockState=low-stock&sort=title-descending');
    expect(filtersFrom(params)).toEqual({ ...filters, brand: 'Acme' });
    expect(filtersToVariables(filters)).toMatchObject({ status: 'ACTIVE', stockState: 'LOW_STOCK', sort: 'TITLE_DESCENDING', collection: 'c1', brand: 'Acme' });
    expect(exportUrl(filters)).toBe(`/bff/api/catalog/exports/products.csv?${params.toString()}`);
  });

  it('drop values that are not theirs and leave the default order out of the address', () => {
    const filters = filtersFrom(new URLSearchParams('status=gone&stockState=plenty&sort=cheapest'));

    expect(filters).toEqual(NO_FILTERS);
    expect(filtersToParams({ ...NO_FILTERS, sort: 'NEWEST' }).toString()).toBe('');
    expect(filtersToVariables(NO_FILTERS)).toMatchObject({ stockState: null, sort: null, collection: null });
  });
});
