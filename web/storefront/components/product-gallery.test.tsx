import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ProductVariant } from '@/lib/catalog';
import type { ProductMedia } from '@/lib/media';
import { ProductGallery } from './product-gallery';
import { VariantSelectionProvider } from './variant-selection';
import { VariantSelector } from './variant-selector';

const front: ProductMedia = { id: 'front', alt: 'From the front', width: 2000, height: 1500 };
const back: ProductMedia = { id: 'back', alt: '', width: 800, height: 600 };

const variant = (overrides: Partial<ProductVariant>): ProductVariant => ({
  id: 'v1',
  sku: 'TEE-S',
  title: 'S',
  options: [{ name: 'Size', value: 'S' }],
  price: { amount: 8000, currency: 'USD' },
  compareAtPrice: null,
  availability: { inStock: true, quantityAvailable: 3 },
  image: null,
  ...overrides,
});

function page(media: ProductMedia[], variants: ProductVariant[]): string {
  return renderToStaticMarkup(
    <VariantSelectionProvider variants={variants}>
      <ProductGallery media={media} variants={variants} productName="Tee" />
      <VariantSelector variants={variants} />
    </VariantSelectionProvider>,
  );
}

describe('ProductGallery', () => {
  it('shows the first image eagerly over every width it fills, and the others as lazy thumbnails', () => {
    const html = page([front, back], [variant({})]);

    const main = /<img[^>]*data-testid="product-main-image"[^>]*>/.exec(html)![0];
    expect(main).toContain('data-media-id="front"');
    expect(main).toContain('loading="eager"');
    expect(main).toContain('width="2000"');
    expect(main).toContain('height="1500"');
    expect(main).toContain('alt="From the front"');
    expect(main).toContain('/media/front/1600.webp 1600w');
    expect(main).toContain('src="/media/front/640.webp"');
    expect(html.match(/data-testid="product-thumbnail"/g)).toHaveLength(2);
    expect(html.match(/loading="lazy"/g)).toHaveLength(2);
  });

  it('names the product when an image has no alt text of its own', () => {
    expect(page([back], [variant({})])).toContain('alt="Tee"');
  });

  it('shows the selected variant’s own image', () => {
    const html = page([front, back], [variant({ image: back }), variant({ id: 'v2', sku: 'TEE-M', options: [{ name: 'Size', value: 'M' }] })]);

    expect(/<img[^>]*data-testid="product-main-image"[^>]*>/.exec(html)![0]).toContain('data-media-id="back"');
  });

  it('keeps a placeholder where a product has no images', () => {
    const html = page([], [variant({})]);

    expect(html).toContain('data-testid="product-gallery-placeholder"');
    expect(html).not.toContain('<img');
  });
});

describe('VariantSelector', () => {
  it('shows a higher compare-at price struck through with the saving', () => {
    const html = page([], [variant({ compareAtPrice: { amount: 10000, currency: 'USD' } })]);

    expect(html).toContain('$80.00');
    expect(html).toMatch(/<s data-testid="compare-at-price"[^>]*><span class="sr-only">Was <\/span>\$100\.00<\/s>/);
    expect(html).toContain('Save 20%');
  });

  it('shows no saving when the compare-at price is not above the price', () => {
    const html = page([], [variant({ compareAtPrice: { amount: 8000, currency: 'USD' } })]);

    expect(html).not.toContain('compare-at-price');
    expect(html).not.toContain('Save');
  });
});
