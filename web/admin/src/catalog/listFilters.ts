import type { ProductSort, ProductStatus, StockState } from '../gql/graphql';

/**
 * The product list's filters and order, kept in the address (so a reload, a link or the export keeps them): search
 * (title or whole SKU), status, category, collection, tag, brand, stock state, and the order. Enum values travel in
 * the address as the REST API writes them (`low-stock`, `title-descending`), and as GraphQL's names to the gateway.
 */
export interface ProductFilters {
  search: string;
  status: ProductStatus | '';
  category: string;
  /** A collection's id. */
  collection: string;
  tag: string;
  brand: string;
  stockState: StockState | '';
  /** Empty: newest first. */
  sort: ProductSort | '';
}

export const NO_FILTERS: ProductFilters = {
  search: '',
  status: '',
  category: '',
  collection: '',
  tag: '',
  brand: '',
  stockState: '',
  sort: '',
};

export const FILTER_NAMES = ['search', 'status', 'category', 'collection', 'tag', 'brand', 'stockState', 'sort'] as const;

const STATUSES: readonly ProductStatus[] = ['DRAFT', 'ACTIVE', 'ARCHIVED'];
export const STOCK_STATES: readonly { value: StockState; label: string }[] = [
  { value: 'IN_STOCK', label: 'In stock' },
  { value: 'LOW_STOCK', label: 'Running low' },
  { value: 'OUT_OF_STOCK', label: 'Out of stock' },
];
export const SORTS: readonly { value: ProductSort; label: string }[] = [
  { value: 'NEWEST', label: 'Newest first' },
  { value: 'OLDEST', label: 'Oldest first' },
  { value: 'TITLE', label: 'Title, A to Z' },
  { value: 'TITLE_DESCENDING', label: 'Title, Z to A' },
  { value: 'RECENTLY_UPDATED', label: 'Recently edited' },
];

/** `low-stock` → `LOW_STOCK`, if it is one of the values. */
function enumFrom<T extends string>(text: string | null, values: readonly T[]): T | '' {
  const name = (text ?? '').trim().toUpperCase().replaceAll('-', '_');
  return values.find((value) => value === name) ?? '';
}

/** `LOW_STOCK` → `low-stock`. */
function kebab(value: string): string {
  return value.toLowerCase().replaceAll('_', '-');
}

export function filtersFrom(params: URLSearchParams): ProductFilters {
  return {
    search: params.get('search') ?? '',
    status: enumFrom(params.get('status'), STATUSES),
    category: params.get('category') ?? '',
    collection: params.get('collection') ?? '',
    tag: params.get('tag') ?? '',
    brand: params.get('brand') ?? '',
    stockState: enumFrom(params.get('stockState'), STOCK_STATES.map((state) => state.value)),
    sort: enumFrom(params.get('sort'), SORTS.map((sort) => sort.value)),
  };
}

/** The address's query for the filters; empty ones (and the default order) are left out. */
export function filtersToParams(filters: ProductFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name].trim();
    if (!value || (name === 'sort' && value === 'NEWEST')) continue;
    params.set(name, name === 'status' || name === 'stockState' || name === 'sort' ? kebab(value) : value);
  }
  return params;
}

/** The GraphQL list's arguments for the filters. */
export function filtersToVariables(filters: ProductFilters) {
  return {
    search: filters.search.trim() || null,
    status: filters.status || null,
    categorySlug: filters.category || null,
    collection: filters.collection || null,
    tag: filters.tag.trim() || null,
    brand: filters.brand.trim() || null,
    stockState: filters.stockState || null,
    sort: filters.sort || null,
  };
}

/** The CSV export of the products the list shows, in its order, through the admin's backend to Catalog. */
export function exportUrl(filters: ProductFilters): string {
  const query = filtersToParams(filters).toString();
  return `/bff/api/catalog/exports/products.csv${query ? `?${query}` : ''}`;
}
