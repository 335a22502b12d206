import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/breadcrumb';
import { PaginationNav } from '@/components/pagination-nav';
import { ProductGrid } from '@/components/product-card';
import { ancestorsOf, getCategory, getProducts } from '@/lib/catalog';
import { cursorFromSearchParam, pageHref } from '@/lib/pagination';
import { catalogPageSize, requireStoreContext } from '@/lib/request-context';

export const dynamic = 'force-dynamic';

interface CategoryPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function loadCategory(props: CategoryPageProps) {
  const [{ slug }, searchParams, store] = await Promise.all([props.params, props.searchParams, requireStoreContext()]);
  const category = await getCategory(store.merchantId, slug);
  if (!category) notFound();
  return { store, category, cursor: cursorFromSearchParam(searchParams.after) };
}

export async function generateMetadata(props: CategoryPageProps): Promise<Metadata> {
  const { store, category, cursor } = await loadCategory(props);
  const pathname = `/c/${encodeURIComponent(category.slug)}`;
  return {
    title: category.name,
    description: `Shop ${category.name} at ${store.brand}.`,
    alternates: { canonical: `${store.origin}${pageHref(pathname, cursor)}` },
  };
}

export default async function CategoryPage(props: CategoryPageProps) {
  const { store, category, cursor } = await loadCategory(props);
  const products = await getProducts(store.merchantId, catalogPageSize(), cursor, category.slug);
  const pathname = `/c/${encodeURIComponent(category.slug)}`;

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <Breadcrumb
          items={[
            { label: 'Home', href: '/' },
            ...ancestorsOf(category).map((ancestor) => ({
              label: ancestor.name,
              href: `/c/${encodeURIComponent(ancestor.slug)}`,
            })),
            { label: category.name },
          ]}
        />
        <h1 data-testid="category-name" className="text-3xl font-bold tracking-tight">
          {category.name}
        </h1>
      </div>

      {category.children.length > 0 ? (
        <nav aria-label={`Inside ${category.name}`}>
          <ul className="flex flex-wrap gap-2">
            {category.children.map((child) => (
              <li key={child.id}>
                <Link
                  href={`/c/${encodeURIComponent(child.slug)}`}
                  data-testid="child-category-link"
                  className="inline-block rounded-full border border-slate-300 px-3 py-1 text-sm hover:border-brand-600 hover:text-brand-700"
                >
                  {child.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <section aria-label="Products">
        <p className="mb-4 text-sm text-slate-500" data-testid="product-count">
          {products.totalCount} {products.totalCount === 1 ? 'product' : 'products'}
        </p>
        <ProductGrid products={products.nodes} />
        <PaginationNav
          pathname={pathname}
          currentCursor={cursor}
          hasNextPage={products.pageInfo.hasNextPage}
          endCursor={products.pageInfo.endCursor}
        />
      </section>
    </div>
  );
}
