import { z } from 'zod';
import type { ProductDetailFragment, ProductInput, ProductStatus } from '../gql/graphql';
import { SEO_DESCRIPTION_MAX, SEO_TITLE_MAX } from './seo';
import { fromMinorUnits, MAX_OPTIONS, toMinorUnits, usableOptions, variantTitle, type OptionDraft, type VariantDraft } from './variantMatrix';

/**
 * The product editor's form: its values, the rules checked before saving (the platform checks them again and
 * answers field by field), and the conversion to and from the platform's ProductInput.
 */

const money = (label: string, required: boolean) =>
  z.string().refine((text) => (text.trim() ? !Number.isNaN(toMinorUnits(text)) : !required), {
    message: required ? `Enter the ${label}, such as 19.99.` : `Enter the ${label} as an amount, such as 19.99, or leave it empty.`,
  });

const variantSchema = z
  .object({
    values: z.array(z.string()),
    sku: z.string().trim().min(1, 'Enter a SKU.').max(64, 'At most 64 characters.'),
    price: money('price', true),
    compareAtPrice: money('compare-at price', false),
    cost: money('cost', false),
    weightGrams: z.string().refine((text) => !text.trim() || /^\d{1,7}$/.test(text.trim()), { message: 'Whole grams, or empty.' }),
    barcode: z.string().max(64, 'At most 64 characters.'),
  })
  .superRefine((variant, context) => {
    const price = toMinorUnits(variant.price);
    const compareAt = toMinorUnits(variant.compareAtPrice);
    if (price !== null && compareAt !== null && !Number.isNaN(price) && !Number.isNaN(compareAt) && compareAt < price) {
      context.addIssue({ code: 'custom', path: ['compareAtPrice'], message: 'Not below the price.' });
    }
  });

export const productFormSchema = z
  .object({
    title: z.string().trim().min(1, 'Enter a title.').max(200, 'At most 200 characters.'),
    slug: z
      .string()
      .trim()
      .min(1, 'Enter a slug.')
      .max(120, 'At most 120 characters.')
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lower-case letters, digits and single hyphens.'),
    description: z.string(),
    brand: z.string().max(100, 'At most 100 characters.'),
    productType: z.string().max(100, 'At most 100 characters.'),
    tags: z.string().refine((text) => splitTags(text).length <= 25, { message: 'At most 25 tags.' }).refine((text) => splitTags(text).every((tag) => tag.length <= 40), {
      message: 'Each tag at most 40 characters.',
    }),
    status: z.enum(['DRAFT', 'ACTIVE', 'ARCHIVED']),
    publishAt: z.string(),
    unpublishAt: z.string(),
    seoTitle: z.string().max(SEO_TITLE_MAX, `At most ${SEO_TITLE_MAX} characters.`),
    seoDescription: z.string().max(SEO_DESCRIPTION_MAX, `At most ${SEO_DESCRIPTION_MAX} characters.`),
    categories: z.array(z.string()),
    primaryCategory: z.string(),
    options: z.array(z.object({ name: z.string().max(50, 'At most 50 characters.'), values: z.array(z.string()) })).max(MAX_OPTIONS, `At most ${MAX_OPTIONS} options.`),
    variants: z.array(variantSchema).min(1, 'A product needs at least one variant.'),
  })
  .superRefine((form, context) => {
    if (form.publishAt && form.unpublishAt && new Date(form.unpublishAt) <= new Date(form.publishAt)) {
      context.addIssue({ code: 'custom', path: ['unpublishAt'], message: 'After the publishing time.' });
    }
    const skus = new Map<string, number>();
    form.variants.forEach((variant, index) => {
      const sku = variant.sku.trim().toLowerCase();
      if (sku && skus.has(sku)) context.addIssue({ code: 'custom', path: ['variants', index, 'sku'], message: 'Each variant needs its own SKU.' });
      skus.set(sku, index);
    });
  });

export type ProductFormValues = z.infer<typeof productFormSchema>;

export function splitTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
}

/** A date-time-local field's value ("2026-12-03T09:30") for an ISO instant, in the browser's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function fromLocalInput(value: string): string | null {
  return value ? new Date(value).toISOString() : null;
}

export function emptyProduct(): ProductFormValues {
  return {
    title: '',
    slug: '',
    description: '',
    brand: '',
    productType: '',
    tags: '',
    status: 'DRAFT',
    publishAt: '',
    unpublishAt: '',
    seoTitle: '',
    seoDescription: '',
    categories: [],
    primaryCategory: '',
    options: [],
    variants: [{ values: [], sku: '', price: '', compareAtPrice: '', cost: '', weightGrams: '', barcode: '' }],
  };
}

export function formFromProduct(product: ProductDetailFragment): ProductFormValues {
  const options: OptionDraft[] = product.options.map((option) => ({ name: option.name, values: [...option.values] }));
  const variants: VariantDraft[] = [...product.variants]
    .sort((a, b) => a.position - b.position)
    .map((variant) => ({
      values: options.map((option) => variant.options.find((value) => value.name === option.name)?.value ?? ''),
      sku: variant.sku,
      price: fromMinorUnits(variant.price.amount),
      compareAtPrice: fromMinorUnits(variant.compareAtPrice?.amount),
      cost: fromMinorUnits(variant.cost?.amount),
      weightGrams: variant.weightGrams === null || variant.weightGrams === undefined ? '' : String(variant.weightGrams),
      barcode: variant.barcode ?? '',
    }));
  return {
    title: product.name,
    slug: product.slug,
    description: product.description,
    brand: product.brand ?? '',
    productType: product.productType ?? '',
    tags: product.tags.join(', '),
    status: product.status,
    publishAt: toLocalInput(product.publishAt),
    unpublishAt: toLocalInput(product.unpublishAt),
    seoTitle: product.seoTitle ?? '',
    seoDescription: product.seoDescription ?? '',
    categories: product.categories.map((category) => category.slug),
    primaryCategory: product.category?.slug ?? '',
    options,
    variants,
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

/** The platform's input for the form's values; prices in the store's currency. */
export function productInput(form: ProductFormValues, currency: string): ProductInput {
  const options = usableOptions(form.options);
  const primary = form.primaryCategory && form.categories.includes(form.primaryCategory) ? form.primaryCategory : (form.categories[0] ?? null);
  return {
    slug: form.slug.trim(),
    name: form.title.trim(),
    description: form.description,
    status: form.status as ProductStatus,
    publishAt: fromLocalInput(form.publishAt),
    unpublishAt: fromLocalInput(form.unpublishAt),
    brand: orNull(form.brand),
    productType: orNull(form.productType),
    tags: splitTags(form.tags),
    seoTitle: orNull(form.seoTitle),
    seoDescription: orNull(form.seoDescription),
    categorySlug: primary,
    categorySlugs: primary ? [primary, ...form.categories.filter((slug) => slug !== primary)] : [],
    options: options.map((option) => ({ name: option.name, values: option.values })),
    variants: form.variants.map((variant) => ({
      sku: variant.sku.trim(),
      title: variantTitle(variant.values),
      options: options.map((option, index) => ({ name: option.name, value: variant.values[index] ?? '' })),
      priceAmount: toMinorUnits(variant.price) ?? 0,
      currency,
      compareAtPriceAmount: toMinorUnits(variant.compareAtPrice),
      costAmount: toMinorUnits(variant.cost),
      weightGrams: variant.weightGrams.trim() ? Number(variant.weightGrams.trim()) : null,
      barcode: orNull(variant.barcode),
    })),
  };
}
