'use client';

import Link from 'next/link';
import { useEffect } from 'react';

/** Shown inside the store frame when a page's catalog data could not be loaded. */
export default function StoreError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <section className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-bold" data-testid="error-title">
        Something went wrong
      </h1>
      <p className="mt-4 text-slate-600">
        We could not load this page right now. Please try again in a moment.
      </p>
      {error.digest ? <p className="mt-2 text-xs text-slate-400">Reference: {error.digest}</p> : null}
      <div className="mt-8 flex items-center justify-center gap-6">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          Try again
        </button>
        <Link href="/" className="font-medium text-brand-600 hover:text-brand-700">
          Back to the shop
        </Link>
      </div>
    </section>
  );
}
