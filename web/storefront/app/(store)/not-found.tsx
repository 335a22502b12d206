import Link from 'next/link';

export default function StoreNotFound() {
  return (
    <section className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-bold" data-testid="not-found-title">
        Page not found
      </h1>
      <p className="mt-4 text-slate-600">This product or category does not exist, or is no longer sold.</p>
      <Link href="/" className="mt-8 inline-block font-medium text-brand-600 hover:text-brand-700">
        Back to the shop
      </Link>
    </section>
  );
}
