import Link from 'next/link';
import type { CategoryTreeNode } from '@/lib/catalog';

export function SiteHeader({ brand, categories }: { brand: string; categories: CategoryTreeNode[] }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex w-full max-w-6xl flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:gap-8 sm:px-6">
        <Link href="/" data-testid="store-brand" className="text-xl font-bold tracking-tight text-slate-900">
          {brand}
        </Link>
        <nav aria-label="Categories" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
          <ul className="flex gap-5 whitespace-nowrap text-sm font-medium text-slate-600">
            {categories.map((category) => (
              <li key={category.id}>
                <Link
                  href={`/c/${encodeURIComponent(category.slug)}`}
                  data-testid="category-link"
                  data-category-slug={category.slug}
                  className="hover:text-brand-700"
                >
                  {category.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
