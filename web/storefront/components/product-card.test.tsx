import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ProductSummary } from '@/lib/catalog';
import { ProductGrid } from './product-card';

const product = (overrides: Partial<ProductSummary>): ProductSummary => ({
  id: 'p1',
  slug: 'trail-runner',
  name: 'Trail Runner',
  priceFrom: { amount: 8999, currency: 'USD' },
  availability: { inStock: true, quantityAvailable: 4 },
  media: [],
  ...overrides,
});

describe('ProductGrid', () => {
  it('renders name, price, availability and link of every product as plain HTML', () => {
    const html = renderToStaticMarkup(
      <ProductGrid
        products={[
          product({}),
          product({ id: 'p2', slug: 'rain-coat', name: 'Rain & Coat', availability: { inStock: false, quantityAvailable: 0 } }),
        ]}
      />,
    );

    expect(html.match(/data-testid="product-card"/g)).toHaveLength(2);
    expect(html).toContain('Trail Runner');
    expect(html).toContain('Rain &amp; Coat');
    expect(html).toContain('$89.99');
    expect(html).toContain('In stock');
    expect(html).toContain('Out of stock');
    expect(html).toContain('href="/p/rain-coat"');
  });

  it('shows the first image in the card widths, sized and lazy, and a placeholder without one', () => {
    const html = renderToStaticMarkup(
      <ProductGrid
        products={[
          product({
            media: [
              { id: 'm1', alt: 'Runner from the side', width: 1200, height: 900 },
              { id: 'm2', alt: 'Sole', width: 1200, height: 900 },
            ],
          }),
          product({ id: 'p2', slug: 'rain-coat', name: 'Rain Coat' }),
        ]}
      />,
    );

    expect(html.match(/data-testid="product-card-image"/g)).toHaveLength(1);
    expect(html).toContain('srcSet="/media/m1/320.webp 320w, /media/m1/480.webp 480w"');
    expect(html).toContain('src="/media/m1/320.webp"');
    expect(html).toContain('alt="Runner from the side"');
    expect(html).toContain('width="1200"');
    expect(html).toContain('height="900"');
    expect(html).toContain('loading="lazy"');
    expect(html).not.toContain('/media/m2/');
    expect(html).toContain('>RC</div>');
  });

  it('says so when a page has no products', () => {
    expect(renderToStaticMarkup(<ProductGrid products={[]} />)).toContain('No products here yet.');
  });
});
