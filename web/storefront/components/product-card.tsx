import Link from 'next/link';
import type { ProductSummary } from '@/lib/catalog';
import { CARD_WIDTHS, fallbackSrc, srcSet } from '@/lib/media';
import { formatMoney } from '@/lib/money';
import { AvailabilityLabel } from './availability-label';

/** The grid has two columns on phones, three from sm and four from lg. */
const CARD_SIZES = '(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
}

export function ProductCard({ product }: { product: ProductSummary }) {
  const image = product.media[0];
  return (
    <li data-testid="product-card" data-product-slug={product.slug} className="group">
      <Link
        href={`/p/${encodeURIComponent(product.slug)}`}
        className="flex h-full flex-col rounded-lg border border-slate-200 p-3 transition hover:border-brand-600 hover:shadow-sm focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {image ? (
          <div className="flex aspect-square items-center justify-center overflow-hidden rounded-md bg-slate-50">
            {/* eslint-disable-next-line @next/next/no-img-element -- Catalog renders the sizes; Next's optimiser would re-encode them again. */}
            <img
              data-testid="product-card-image"
              src={fallbackSrc(image, 320, CARD_WIDTHS)}
              srcSet={srcSet(image, CARD_WIDTHS)}
              sizes={CARD_SIZES}
              width={image.width}
              height={image.height}
              alt={image.alt || product.name}
              loading="lazy"
              decoding="async"
              className="h-full w-full object-cover"
            />
          </div>
        ) : (
          // No image yet: a calm placeholder keeps the grid's rhythm.
          <div
            aria-hidden="true"
            className="flex aspect-square items-center justify-center rounded-md bg-linear-to-br from-brand-50 to-brand-100 text-3xl font-semibold text-brand-700"
          >
            {initials(product.name)}
          </div>
        )}
        <h3 data-testid="product-name" className="mt-3 line-clamp-2 font-medium text-slate-900 group-hover:text-brand-700">
          {product.name}
        </h3>
        <div className="mt-auto flex flex-wrap items-center justify-between gap-2 pt-2">
          <span data-testid="product-price" className="font-semibold">
            {formatMoney(product.priceFrom)}
          </span>
          <AvailabilityLabel availability={product.availability} />
        </div>
      </Link>
    </li>
  );
}

export function ProductGrid({ products }: { products: ProductSummary[] }) {
  if (products.length === 0) {
    return (
      <p data-testid="no-products" className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-500">
        No products here yet.
      </p>
    );
  }
  return (
    <ul data-testid="product-grid" className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((product) => (
        <ProductCard key={product.id} product={product} />
      ))}
    </ul>
  );
}
