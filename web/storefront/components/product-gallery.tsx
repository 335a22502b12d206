'use client';

import { useMemo, useState } from 'react';
import type { ProductVariant } from '@/lib/catalog';
import { fallbackSrc, srcSet, type ProductMedia } from '@/lib/media';
import { findVariant } from '@/lib/variants';
import { useVariantSelection } from './variant-selection';

/** The main image takes the full width on phones and half the page beside the details from md up. */
const MAIN_SIZES = '(min-width: 768px) 50vw, 100vw';
const THUMBNAIL_SIZES = '80px';

/**
 * The product's images: a main image and thumbnails to choose it. Picking a variant that has an image of its own
 * shows that image. Every image names its size, so the page does not shift as images arrive; only the main image
 * loads at once.
 */
export function ProductGallery({ media, variants, productName }: { media: ProductMedia[]; variants: ProductVariant[]; productName: string }) {
  const { selection } = useVariantSelection(variants);
  const variantImage = findVariant(variants, selection)?.image ?? null;
  const [chosenId, setChosenId] = useState<string | null>(variantImage?.id ?? media[0]?.id ?? null);
  // A newly picked variant with an image of its own shows it; a thumbnail clicked afterwards wins again.
  const [followedVariantImage, setFollowedVariantImage] = useState<string | null>(variantImage?.id ?? null);
  if ((variantImage?.id ?? null) !== followedVariantImage) {
    setFollowedVariantImage(variantImage?.id ?? null);
    if (variantImage) setChosenId(variantImage.id);
  }

  const images = useMemo(
    () => (variantImage && !media.some((item) => item.id === variantImage.id) ? [...media, variantImage] : media),
    [media, variantImage],
  );
  const shown = images.find((item) => item.id === chosenId) ?? images[0];

  if (!shown) {
    return (
      <div
        data-testid="product-gallery-placeholder"
        aria-hidden="true"
        className="flex aspect-square items-center justify-center rounded-xl bg-linear-to-br from-brand-50 to-brand-100 text-6xl font-semibold text-brand-700"
      >
        {productName.charAt(0).toUpperCase()}
      </div>
    );
  }

  return (
    <div data-testid="product-gallery" className="space-y-3">
      <div className="flex aspect-square items-center justify-center overflow-hidden rounded-xl bg-slate-50">
        {/* eslint-disable-next-line @next/next/no-img-element -- Catalog renders the sizes; Next's optimiser would re-encode them again. */}
        <img
          key={shown.id}
          data-testid="product-main-image"
          data-media-id={shown.id}
          src={fallbackSrc(shown, 640)}
          srcSet={srcSet(shown)}
          sizes={MAIN_SIZES}
          width={shown.width}
          height={shown.height}
          alt={shown.alt || productName}
          loading="eager"
          fetchPriority="high"
          decoding="async"
          className="h-full w-full object-contain"
        />
      </div>
      {images.length > 1 ? (
        <ul aria-label="Product images" className="flex flex-wrap gap-2">
          {images.map((item, index) => (
            <li key={item.id}>
              <button
                type="button"
                data-testid="product-thumbnail"
                aria-label={`Show image ${index + 1} of ${images.length}${item.alt ? `: ${item.alt}` : ''}`}
                aria-pressed={item.id === shown.id}
                onClick={() => setChosenId(item.id)}
                className="block h-20 w-20 overflow-hidden rounded-md border border-slate-200 bg-slate-50 aria-pressed:border-brand-600 aria-pressed:ring-2 aria-pressed:ring-brand-600"
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- see the main image */}
                <img
                  src={fallbackSrc(item, 160)}
                  srcSet={srcSet(item, [160, 320])}
                  sizes={THUMBNAIL_SIZES}
                  width={item.width}
                  height={item.height}
                  alt=""
                  loading="lazy"
                  decoding="async"
                  className="h-full w-full object-cover"
                />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
