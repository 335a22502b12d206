import type { Metadata } from 'next';
import Link from 'next/link';
import { getStoreContext } from '@/lib/request-context';
import { UNKNOWN_STORE_DETAIL, UNKNOWN_STORE_TITLE } from '@/lib/store-status-pages';

export const metadata: Metadata = {
  title: 'Not found',
  robots: { index: false },
};

/**
 * Reached for a path outside the store, or when the store layout finds no merchant for the host
 * (normally the proxy has already answered those). A shopper on an unknown address needs to know
 * that no shop lives there at all.
 */
export default async function NotFound() {
  const store = await getStoreContext();
  return (
    <main className="mx-auto flex w-full max-w-2xl flex-1 flex-col items-center justify-center px-6 py-24 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-500">404</p>
      {store ? (
        <>
          <h1 className="mt-2 text-3xl font-bold" data-testid="not-found-title">
            Page not found
          </h1>
          <p className="mt-4 text-slate-600">The page you are looking for does not exist.</p>
          <Link href="/" className="mt-8 font-medium text-brand-600 hover:text-brand-700">
            Back to the shop
          </Link>
        </>
      ) : (
        <>
          <h1 className="mt-2 text-3xl font-bold" data-testid="unknown-store-title">
            {UNKNOWN_STORE_TITLE}
          </h1>
          <p className="mt-4 text-slate-600">{UNKNOWN_STORE_DETAIL}</p>
        </>
      )}
    </main>
  );
}
