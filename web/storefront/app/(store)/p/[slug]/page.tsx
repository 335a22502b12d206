import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AvailabilityLabel } from '@/components/availability-label';
import { Breadcrumb, type BreadcrumbItem } from '@/components/breadcrumb';
import { PriceWithSaving } from '@/components/price-with-saving';
import { ProductGallery } from '@/components/product-gallery';
import { VariantSelectionProvider } from '@/components/variant-selection';
import { VariantSelector } from '@/components/variant-selector';
import { ancestorsOf, getProduct, type ProductDetail } from '@/lib/catalog';
import { plainText } from '@/lib/html-text';
import { openGraphImage } from '@/lib/media';
import { formatMoney } from '@/lib/money';
import { requireStoreContext } from '@/lib/request-context';

export const dynamic = 'force-dynamic';

interface ProductPageProps {
  params: Promise<{ slug: string }>;
}

const META_DESCRIPTION_LENGTH = 160;

async function loadProduct(props: ProductPageProps) {
  const [{ slug }, store] = await Promise.all([props.params, requireStoreContext()]);
  const product = await getProduct(store.merchantId, slug);
  if (!product) notFound();
  return { store, product };
}

/** The merchant's own SEO text, else the description as plain text. */
function metaDescription(product: ProductDetail): string {
  const text = (product.seoDescription?.trim() || plainText(product.description)) || product.name;
  return text.length <= META_DESCRIPTION_LENGTH ? text : `${text.slice(0, META_DESCRIPTION_LENGTH - 1).trimEnd()}…`;
}

function breadcrumbFor(product: ProductDetail): BreadcrumbItem[] {
  const items: BreadcrumbItem[] = [{ label: 'Home', href: '/' }];
  if (product.category) {
    for (const category of [...ancestorsOf(product.category), product.category]) {
      items.push({ label: category.name, href: `/c/${encodeURIComponent(category.slug)}` });
    }
  }
  items.push({ label: product.name });
  return items;
}

export async function generateMetadata(props: ProductPageProps): Promise<Metadata> {
  const { store, product } = await loadProduct(props);
  return {
    title: product.seoTitle?.trim() || product.name,
    description: metaDescription(product),
    alternates: { canonical: `${store.origin}/p/${encodeURIComponent(product.slug)}` },
    openGraph: {
      title: product.name,
      description: metaDescription(product),
      type: 'website',
      ...(product.media[0] ? { images: [openGraphImage(product.media[0], store.origin)] } : {}),
    },
  };
}

export default async function ProductPage(props: ProductPageProps) {
  const { product } = await loadProduct(props);
  const prices = new Set(product.variants.map((variant) => `${variant.price.amount} ${variant.price.currency}`));
  const hasPriceRange = prices.size > 1;

  return (
    <article className="space-y-8">
      <Breadcrumb items={breadcrumbFor(product)} />

      <VariantSelectionProvider variants={product.variants}>
        <div className="grid gap-8 md:grid-cols-2">
          <ProductGallery media={product.media} variants={product.variants} productName={product.name} />

          <div className="space-y-6">
            <div className="space-y-3">
              {product.brand ? (
                <p data-testid="product-brand" className="text-sm font-medium uppercase tracking-wide text-slate-500">
                  {product.brand}
                </p>
              ) : null}
              <h1 data-testid="product-name" className="text-3xl font-bold tracking-tight">
                {product.name}
              </h1>
              <div className="flex flex-wrap items-center gap-4">
                <p data-testid="product-price" className="text-xl font-semibold">
                  {hasPriceRange ? 'From ' : ''}
                  {formatMoney(product.priceFrom)}
                </p>
                <AvailabilityLabel availability={product.availability} />
              </div>
            </div>

            {/* The catalog sanitises descriptions when they are saved; the page's CSP would stop a script besides. */}
            <div
              data-testid="product-description"
              className="product-description leading-relaxed text-slate-700"
              dangerouslySetInnerHTML={{ __html: product.description }}
            />

            <VariantSelector variants={product.variants} />
          </div>
        </div>
      </VariantSelectionProvider>

      {product.variants.length > 0 ? (
        <section aria-labelledby="variants-heading">
          <h2 id="variants-heading" className="text-xl font-semibold">
            All variants
          </h2>
          <div className="mt-4 overflow-x-auto">
            <table className="w-full min-w-[32rem] text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">Variant</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Options</th>
                  <th scope="col" className="py-2 pr-4 font-medium">SKU</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Price</th>
                  <th scope="col" className="py-2 font-medium">Availability</th>
                </tr>
              </thead>
              <tbody>
                {product.variants.map((variant) => (
                  <tr key={variant.id} data-testid="variant-row" data-sku={variant.sku} className="border-b border-slate-100">
                    <td data-testid="variant-title" className="py-2 pr-4 font-medium">{variant.title}</td>
                    <td data-testid="variant-options" className="py-2 pr-4 text-slate-600">
                      {variant.options.map((option) => `${option.name}: ${option.value}`).join(', ')}
                    </td>
                    <td data-testid="variant-sku" className="py-2 pr-4 font-mono text-xs">{variant.sku}</td>
                    <td className="py-2 pr-4">
                      <PriceWithSaving testId="variant-price" price={variant.price} compareAt={variant.compareAtPrice} />
                    </td>
                    <td className="py-2">
                      <AvailabilityLabel availability={variant.availability} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </article>
  );
}
