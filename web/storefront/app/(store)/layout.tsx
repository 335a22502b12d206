import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';
import { getCategoryTree } from '@/lib/catalog';
import { requireStoreContext } from '@/lib/request-context';
import { readSession } from '@/lib/session';

// Catalog pages render per request (merchant from the Host header, data through the cached
// gateway client), never at build time when no platform is running. So reading the session
// cookie for the header costs nothing: the catalog data stays cached, the HTML never was.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const store = await requireStoreContext();
  return {
    metadataBase: new URL(store.origin),
    title: { default: store.brand, template: `%s | ${store.brand}` },
    description: `Shop the catalog of ${store.brand} online.`,
  };
}

export default async function StoreLayout({ children }: { children: ReactNode }) {
  const store = await requireStoreContext();
  const [categories, session] = await Promise.all([getCategoryTree(store.merchantId), readSession()]);

  return (
    <>
      <SiteHeader brand={store.brand} categories={categories} shopperEmail={session?.email ?? null} />
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">{children}</main>
      <footer className="border-t border-slate-200 py-6 text-center text-sm text-slate-500">
        © {new Date().getFullYear()} {store.brand}
      </footer>
    </>
  );
}
