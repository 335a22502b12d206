import Link from 'next/link';
import type { CategoryTreeNode } from '@/lib/catalog';
import { SignInLink } from './sign-in-link';

interface SiteHeaderProps {
  brand: string;
  categories: CategoryTreeNode[];
  /** The signed-in shopper's email, or null when signed out. */
  shopperEmail: string | null;
}

export function SiteHeader({ brand, categories, shopperEmail }: SiteHeaderProps) {
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
        <div className="text-sm font-medium text-slate-600 sm:ml-auto">
          {shopperEmail ? (
            // Not prefetched: the account page renews tokens and calls Identity.
            <Link href="/account" prefetch={false} data-testid="account-link" className="hover:text-brand-700">
              Account <span className="font-normal text-slate-500">{shopperEmail}</span>
            </Link>
          ) : (
            <SignInLink testId="sign-in-link" className="hover:text-brand-700">
              Sign in
            </SignInLink>
          )}
        </div>
      </div>
    </header>
  );
}
