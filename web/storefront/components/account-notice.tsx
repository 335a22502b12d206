import type { ReactNode } from 'react';

/** A short message page of the account area, with the way on. */
export function AccountNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-bold" data-testid="account-notice-title">
        {title}
      </h1>
      <div className="mt-4 space-y-6 text-slate-600">{children}</div>
    </section>
  );
}
