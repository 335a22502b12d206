import type { ProductStatus } from '../gql/graphql';

/**
 * The product list's filters, kept in the address (so a reload, a link or the export keeps them): search (title or
 * whole SKU), status, category, tag, brand. The platform has no collection or stock-state filter on this list.
 */
export interface ProductFilters {
  search: string;
  status: ProductStatus | '';
  category: string;
  tag: string;
  brand: string;
}

export const FILTER_NAMES = ['search', 'status', 'category', 'tag', 'brand'] as const;

export function filtersFrom(params: URLSearchParams): ProductFilters {
  const status = params.get('status')?.toUpperCase() ?? '';
  return {
    search: params.get('search') ?? '',
    status: status === 'DRAFT' || status === 'ACTIVE' || status === 'ARCHIVED' ? status : '',
    category: params.get('category') ?? '',
    tag: params.get('tag') ?? '',
    brand: params.get('brand') ?? '',
  };
}

/** The address's query for the filters; empty ones are left out. */
export function filtersToParams(filters: ProductFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name].trim();
    if (value) params.set(name, name === 'status' ? value.toLowerCase() : value);
  }
  return params;
}

/** The GraphQL list's arguments for the filters. */
export function filtersToVariables(filters: ProductFilters) {
  return {
    search: filters.search.trim() || null,
    status: filters.status || null,
    categorySlug: filters.category || null,
    tag: filters.tag.trim() || null,
    brand: filters.brand.trim() || null,
  };
}

/** The CSV export of the products the list shows, through the admin's backend to Catalog. */
export function exportUrl(filters: ProductFilters): string {
  const query = filtersToParams(filters).toString();
  return `/bff/api/catalog/exports/products.csv${query ? `?${query}` : ''}`;
}
