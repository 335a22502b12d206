'use client';

import { useEffect } from 'react';

/** Last-resort boundary for failures in the store layout itself (for example the category menu). */
export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <main className="mx-auto flex w-full max-w-2xl flex-1 flex-col items-center justify-center px-6 py-24 text-center">
      <h1 className="text-3xl font-bold" data-testid="error-title">
        The shop is temporarily unavailable
      </h1>
      <p className="mt-4 text-slate-600">We could not load this page. Please try again in a moment.</p>
      {error.digest ? <p className="mt-2 text-xs text-slate-400">Reference: {error.digest}</p> : null}
      <button
        type="button"
        onClick={reset}
        className="mt-8 rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
      >
        Try again
      </button>
    </main>
  );
}
