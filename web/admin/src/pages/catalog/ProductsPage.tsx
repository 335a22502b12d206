import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createColumnHelper,
  createSortedRowModel,
  rowSelectionFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { gql } from '../../api/graphql';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { BULK_ACTIONS, BULK_LIMIT, bulkQuestion } from '../../catalog/bulk';
import { categoryPath, useCategoryTree } from '../../catalog/categories';
import { useCollectionList } from '../../catalog/collections';
import {
  exportUrl,
  filtersFrom,
  filtersToParams,
  filtersToVariables,
  NO_FILTERS,
  SORTS,
  STOCK_STATES,
  type ProductFilters,
} from '../../catalog/listFilters';
import { formatMoney } from '../../catalog/money';
import { formatDateTime } from '../../format';
import {
  AdminProductsDocument,
  ProductsBulkDocument,
  type ProductBulkAction,
  type ProductListItemFragment,
  type ProductsBulkMutation,
} from '../../gql/graphql';
import { PRODUCTS_WRITE } from '../../permissions';
import { useCan } from '../../session/useCan';
import { downloadThroughBackend } from '../../catalog/download';

export const PRODUCTS_KEY = ['products'] as const;
const PAGE_SIZE = 25;

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
  rowSelectionFeature,
});
const helper = createColumnHelper<typeof features, ProductListItemFragment>();
const noProducts: ProductListItemFragment[] = [];

const statusLabel = { DRAFT: 'Draft', ACTIVE: 'Active', ARCHIVED: 'Archived' } as const;

function statusText(product: ProductListItemFragment): string {
  if (product.status !== 'ACTIVE') return statusLabel[product.status];
  if (product.isPublished) return 'Active';
  return product.publishAt && new Date(product.publishAt) > new Date() ? `Scheduled ${formatDateTime(product.publishAt)}` : 'Active, not on sale';
}

/**
 * Every product of the store, drafts and archived ones included: searched and filtered on the server, a page at a
 * time (cursors) in the order chosen (the server's; a column header re-sorts the page shown), with bulk actions on the selected ones for those who may change products.
 */
export function ProductsPage() {
  const canWrite = useCan(PRODUCTS_WRITE);
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [draft, setDraft] = useState(filters);
  // Cursors of the pages before this one, so Previous goes back the way Next came.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const [sorting, setSorting] = useState<SortingState>([]);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const categories = useCategoryTree();
  const collections = useCollectionList();

  const products = useQuery({
    queryKey: [...PRODUCTS_KEY, filtersToVariables(filters), after],
    queryFn: () => gql(AdminProductsDocument, { first: PAGE_SIZE, after, ...filtersToVariables(filters) }),
    placeholderData: keepPreviousData,
  });

  // Stable between renders (the table rebuilds its models when its columns change).
  const columns = useMemo(() => helper.columns([
    ...(canWrite
      ? [
          helper.display({
            id: 'select',
            header: ({ table }) => (
              <input
                type="checkbox"
                aria-label="Select every product on this page"
                checked={table.getIsAllRowsSelected()}
                ref={(box) => {
                  if (box) box.indeterminate = table.getIsSomeRowsSelected() && !table.getIsAllRowsSelected();
                }}
                onChange={() => table.toggleAllRowsSelected()}
              />
            ),
            cell: ({ row }) => (
              <input
                type="checkbox"
                aria-label={`Select ${row.original.name}`}
                checked={row.getIsSelected()}
                onChange={row.getToggleSelectedHandler()}
              />
            ),
          }),
        ]
      : []),
    helper.accessor('name', {
      header: 'Title',
      sortFn: 'alphanumeric',
      cell: ({ row }) => (
        <Link to={`/products/${row.original.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
          {row.original.name}
        </Link>
      ),
    }),
    helper.accessor((product) => product.variants.map((variant) => variant.sku).join(', '), { id: 'sku', header: 'SKU', sortFn: 'alphanumeric' }),
    helper.accessor((product) => statusText(product), { id: 'status', header: 'Status', sortFn: 'alphanumeric' }),
    helper.accessor((product) => product.category?.name ?? '', { id: 'category', header: 'Category', sortFn: 'alphanumeric' }),
    helper.accessor((product) => product.priceFrom.amount, {
      id: 'price',
      header: 'Price from',
      sortFn: 'basic',
      cell: ({ row }) => formatMoney(row.original.priceFrom.amount, row.original.priceFrom.currency),
    }),
    helper.accessor('updatedAt', { header: 'Updated', sortFn: 'alphanumeric', cell: ({ getValue }) => formatDateTime(getValue()) }),
  ]), [canWrite]);

  const table = useTable({
    features,
    columns,
    data: products.data?.adminProducts.nodes ?? noProducts,
    getRowId: (product) => product.id,
    state: { sorting, rowSelection },
    onSortingChange: setSorting,
    onRowSelectionChange: setRowSelection,
    enableRowSelection: canWrite,
  });

  const apply = (next: ProductFilters) => {
    setParams(filtersToParams(next), { replace: true });
    setCursors([null]);
    setRowSelection({});
  };
  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  const page = products.data?.adminProducts;

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Products</h1>
        {canWrite && (
          <Link to="/products/new" className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white">
            New product
          </Link>
        )}
      </div>

      <form
        role="search"
        aria-label="Find products"
        className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3"
        onSubmit={(event) => {
          event.preventDefault();
          apply(draft);
        }}
      >
        <label className="flex flex-col text-sm">
          Search title or SKU
          <input
            type="search"
            value={draft.search}
            onChange={(event) => setDraft({ ...draft, search: event.target.value })}
            className="mt-1 rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <FilterSelect
          label="Status"
          value={draft.status}
          onChange={(status) => setDraft({ ...draft, status: status as ProductFilters['status'] })}
          choices={[
            { value: '', label: 'Any' },
            { value: 'DRAFT', label: 'Draft' },
            { value: 'ACTIVE', label: 'Active' },
            { value: 'ARCHIVED', label: 'Archived' },
          ]}
        />
        <FilterSelect
          label="Category"
          value={draft.category}
          onChange={(category) => setDraft({ ...draft, category })}
          choices={[
            { value: '', label: 'Any' },
            ...(categories.data?.lines.map((line) => ({ value: line.slug, label: categoryPath(categories.data.lines, line.id) })) ?? []),
          ]}
        />
        <FilterSelect
          label="Collection"
          value={draft.collection}
          onChange={(collection) => setDraft({ ...draft, collection })}
          choices={[{ value: '', label: 'Any' }, ...(collections.data?.collections.nodes.map((collection) => ({ value: collection.id, label: collection.title })) ?? [])]}
        />
        <FilterSelect
          label="Stock"
          value={draft.stockState}
          onChange={(stockState) => setDraft({ ...draft, stockState: stockState as ProductFilters['stockState'] })}
          choices={[{ value: '', label: 'Any' }, ...STOCK_STATES]}
        />
        <label className="flex flex-col text-sm">
          Tag
          <input value={draft.tag} onChange={(event) => setDraft({ ...draft, tag: event.target.value })} className="mt-1 w-32 rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="flex flex-col text-sm">
          Brand
          <input value={draft.brand} onChange={(event) => setDraft({ ...draft, brand: event.target.value })} className="mt-1 w-32 rounded border border-slate-300 px-2 py-1" />
        </label>
        <FilterSelect
          label="Sort by"
          value={draft.sort || 'NEWEST'}
          onChange={(sort) => setDraft({ ...draft, sort: sort as ProductFilters['sort'] })}
          choices={SORTS}
        />
        <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white">
          Apply
        </button>
        <button
          type="button"
          className="rounded border border-slate-300 px-3 py-1.5 text-sm"
          onClick={() => {
            setDraft(NO_FILTERS);
            apply(NO_FILTERS);
          }}
        >
          Clear
        </button>
        <ExportButton filters={filters} />
      </form>

      {canWrite && selectedIds.length > 0 && (
        <BulkBar
          ids={selectedIds}
          names={new Map(page?.nodes.map((product) => [product.id, product.name]) ?? [])}
          categories={categories.data?.lines.map((line) => ({ slug: line.slug, label: categoryPath(categories.data.lines, line.id) })) ?? []}
          onDone={() => setRowSelection({})}
        />
      )}

      <ErrorMessage error={products.error} />
      {products.isPending ? (
        <p className="text-slate-500">Loading products…</p>
      ) : (
        <>
          <p className="text-sm text-slate-600" aria-live="polite">
            {page?.totalCount === 1 ? '1 product' : `${page?.totalCount ?? 0} products`}
            {sorting.length > 0 && ' (this page sorted by the chosen column)'}
          </p>
          <table className="w-full border-collapse bg-white text-sm">
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id} className="border-b border-slate-200 text-left">
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        className="px-2 py-2 font-semibold"
                        aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      >
                        {header.column.getCanSort() ? (
                          <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1">
                            <table.FlexRender header={header} />
                            <span aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span>
                          </button>
                        ) : (
                          <table.FlexRender header={header} />
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-100">
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className="px-2 py-2 align-top">
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {page?.nodes.length === 0 && <p className="text-slate-600">No products match.</p>}
          <nav aria-label="Pages" className="flex items-center gap-3">
            <button
              type="button"
              disabled={cursors.length <= 1}
              onClick={() => {
                setCursors(cursors.slice(0, -1));
                setRowSelection({});
              }}
              className="rounded border border-slate-300 px-3 py-1 text-sm disabled:opacity-50"
            >
              Previous page
            </button>
            <span className="text-sm text-slate-600">Page {cursors.length}</span>
            <button
              type="button"
              disabled={!page?.pageInfo.hasNextPage}
              onClick={() => {
                setCursors([...cursors, page?.pageInfo.endCursor ?? null]);
                setRowSelection({});
              }}
              className="rounded border border-slate-300 px-3 py-1 text-sm disabled:opacity-50"
            >
              Next page
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

/** One of the list's choices: a labelled select over the given values. */
function FilterSelect({
  label,
  value,
  onChange,
  choices,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  choices: readonly { value: string; label: string }[];
}) {
  return (
    <label className="flex flex-col text-sm">
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)} className="mt-1 rounded border border-slate-300 px-2 py-1">
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function ExportButton({ filters }: { filters: ProductFilters }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <span className="ml-auto flex items-center gap-2">
      <button
        type="button"
        disabled={busy}
        className="rounded border border-slate-300 px-3 py-1.5 text-sm"
        onClick={() => {
          setBusy(true);
          setError(null);
          downloadThroughBackend(exportUrl(filters), 'products.csv')
            .catch(setError)
            .finally(() => setBusy(false));
        }}
      >
        {busy ? 'Exporting…' : 'Export CSV'}
      </button>
      <ErrorMessage error={error} />
    </span>
  );
}

type BulkResult = ProductsBulkMutation['productsBulk'][number];

/** The selected products' bulk action: chosen, confirmed in a dialog, then each product's result. */
function BulkBar({ ids, names, categories, onDone }: { ids: string[]; names: Map<string, string>; categories: { slug: string; label: string }[]; onDone: () => void }) {
  const queries = useQueryClient();
  const [action, setAction] = useState<ProductBulkAction | null>(null);
  const [tag, setTag] = useState('');
  const [category, setCategory] = useState('');
  const [results, setResults] = useState<BulkResult[] | null>(null);
  const chosen = BULK_ACTIONS.find((candidate) => candidate.action === action);
  const run = useMutation({
    mutationFn: () =>
      gql(ProductsBulkDocument, {
        action: action!,
        ids: ids.slice(0, BULK_LIMIT),
        tag: chosen?.needs === 'tag' ? tag.trim() : null,
        categorySlug: chosen?.needs === 'category' ? category : null,
      }),
    onSuccess: async (data) => {
      setResults(data.productsBulk);
      await queries.invalidateQueries({ queryKey: PRODUCTS_KEY });
    },
  });
  const detail = chosen?.needs === 'tag' ? tag.trim() : (categories.find((candidate) => candidate.slug === category)?.label ?? '');
  const ready = chosen && (!chosen.needs || detail);
  const close = () => {
    setAction(null);
    setResults(null);
    run.reset();
    if (results) onDone();
  };

  return (
    <div role="region" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 rounded border border-slate-300 bg-slate-50 p-3 text-sm">
      <span>{ids.length === 1 ? '1 product selected' : `${ids.length} products selected`}</span>
      {ids.length > BULK_LIMIT && <span className="text-amber-700">Only the first {BULK_LIMIT} are changed at once.</span>}
      {BULK_ACTIONS.map((candidate) => (
        <button key={candidate.action} type="button" onClick={() => setAction(candidate.action)} className="rounded border border-slate-300 bg-white px-2 py-1">
          {candidate.label}
        </button>
      ))}
      <Dialog title={chosen?.label ?? ''} open={action !== null} onClose={close}>
        {results ? (
          <>
            <p role="status">
              {results.filter((result) => result.ok).length} of {results.length} changed.
            </p>
            <ul aria-label="Results" className="max-h-64 space-y-1 overflow-auto text-sm">
              {results.map((result) => (
                <li key={result.productId} className={result.ok ? 'text-green-800' : 'text-red-800'}>
                  {result.ok ? 'Done' : `Not changed (${result.code ?? 'error'})`}: {names.get(result.productId) ?? result.productId}
                  {result.message && ` — ${result.message}`}
                </li>
              ))}
            </ul>
            <button type="button" onClick={close} className="rounded bg-slate-800 px-3 py-1.5 text-white">
              Close
            </button>
          </>
        ) : (
          <>
            {chosen?.needs === 'tag' && (
              <label className="flex flex-col text-sm">
                Tag
                <input autoFocus value={tag} onChange={(event) => setTag(event.target.value)} className="mt-1 rounded border border-slate-300 px-2 py-1" />
              </label>
            )}
            {chosen?.needs === 'category' && (
              <label className="flex flex-col text-sm">
                Category
                <select autoFocus value={category} onChange={(event) => setCategory(event.target.value)} className="mt-1 rounded border border-slate-300 px-2 py-1">
                  <option value="">Choose…</option>
                  {categories.map((candidate) => (
                    <option key={candidate.slug} value={candidate.slug}>
                      {candidate.label}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {ready && <p>{bulkQuestion(action!, Math.min(ids.length, BULK_LIMIT), detail)}</p>}
            <ErrorMessage error={run.error} />
            <div className="flex gap-2">
              <button
                type="button"
                disabled={!ready || run.isPending}
                onClick={() => run.mutate()}
                className={`rounded px-3 py-1.5 text-white disabled:opacity-50 ${action === 'DELETE' ? 'bg-red-700' : 'bg-slate-800'}`}
              >
                Yes, {chosen?.label.toLowerCase()}
              </button>
              <button type="button" onClick={close} className="rounded border border-slate-300 px-3 py-1.5">
                Cancel
              </button>
            </div>
          </>
        )}
      </Dialog>
    </div>
  );
}
