import type { Metadata } from 'next';
import Link from 'next/link';
import { ProductGrid } from '@/components/product-card';
import { getCategoryTree, getProducts } from '@/lib/catalog';
import { catalogPageSize, requireStoreContext } from '@/lib/request-context';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const store = await requireStoreContext();
  return {
    title: { absolute: store.brand },
    description: `Shop the catalog of ${store.brand}: browse categories and products, with prices and availability.`,
    alternates: { canonical: `${store.origin}/` },
  };
}

export default async function HomePage() {
  const store = await requireStoreContext();
  const [categories, products] = await Promise.all([
    getCategoryTree(store.merchantId),
    getProducts(store.merchantId, catalogPageSize()),
  ]);

  return (
    <div className="space-y-12">
      <section className="rounded-xl bg-brand-50 px-6 py-10 sm:px-10">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Welcome to {store.brand}</h1>
        <p className="mt-3 max-w-2xl text-slate-600">
          {products.totalCount} {products.totalCount === 1 ? 'product' : 'products'} in{' '}
          {categories.length} {categories.length === 1 ? 'category' : 'categories'}.
        </p>
      </section>

      {categories.length > 0 ? (
        <section aria-labelledby="categories-heading">
          <h2 id="categories-heading" className="text-xl font-semibold">
            Shop by category
          </h2>
          <ul className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {categories.map((category) => (
              <li key={category.id} className="rounded-lg border border-slate-200 p-4">
                <Link
                  href={`/c/${encodeURIComponent(category.slug)}`}
                  data-testid="home-category-link"
                  className="font-medium text-slate-900 hover:text-brand-700"
                >
                  {category.name}
                </Link>
                {category.children.length > 0 ? (
                  <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600">
                    {category.children.map((child) => (
                      <li key={child.id}>
                        <Link href={`/c/${encodeURIComponent(child.slug)}`} className="hover:text-brand-700">
                          {child.name}
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="products-heading">
        <div className="flex items-baseline justify-between">
          <h2 id="products-heading" className="text-xl font-semibold">
            New arrivals
          </h2>
          <p className="text-sm text-slate-500" data-testid="product-count">
            Showing {products.nodes.length} of {products.totalCount}
          </p>
        </div>
        <div className="mt-4">
          <ProductGrid products={products.nodes} />
        </div>
      </section>
    </div>
  );
}
