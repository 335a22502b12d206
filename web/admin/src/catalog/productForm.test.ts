import { describe, expect, it } from 'vitest';
import { emptyProduct, productFormSchema, productInput, type ProductFormValues } from './productForm';

const shirt = (): ProductFormValues => ({
  ...emptyProduct(),
  title: 'Tee',
  slug: 'tee',
  tags: 'Summer, cotton, summer',
  categories: ['tops', 'sale'],
  primaryCategory: 'sale',
  options: [{ name: 'Size', values: ['S', 'M'] }],
  variants: [
    { values: ['S'], sku: 'TEE-S', price: '19.99', compareAtPrice: '', cost: '8', weightGrams: '180', barcode: '' },
    { values: ['M'], sku: 'TEE-M', price: '21', compareAtPrice: '25.00', cost: '', weightGrams: '', barcode: '0123' },
  ],
});

describe('the product form', () => {
  it('becomes the platform’s input: prices in minor units, tags once, the primary category first', () => {
    const input = productInput(shirt(), 'USD');
    expect(input.name).toBe('Tee');
    expect(input.tags).toEqual(['summer', 'cotton']);
    expect(input.categorySlug).toBe('sale');
    expect(input.categorySlugs).toEqual(['sale', 'tops']);
    expect(input.options).toEqual([{ name: 'Size', values: ['S', 'M'] }]);
    expect(input.variants[0]).toMatchObject({ sku: 'TEE-S', title: 'S', priceAmount: 1999, costAmount: 800, compareAtPriceAmount: null, weightGrams: 180, currency: 'USD' });
    expect(input.variants[1]).toMatchObject({ options: [{ name: 'Size', value: 'M' }], priceAmount: 2100, compareAtPriceAmount: 2500, barcode: '0123' });
  });

  it('refuses a compare-at price below the price, repeated SKUs and a bad slug, naming the fields', () => {
    const form = shirt();
    form.slug = 'Tee Shirt';
    form.variants[1]!.sku = 'tee-s';
    form.variants[0]!.compareAtPrice = '10';
    const result = productFormSchema.safeParse(form);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['slug', 'variants.1.sku', 'variants.0.compareAtPrice']));
  });

  it('refuses an unpublishing time before the publishing time', () => {
    const result = productFormSchema.safeParse({ ...shirt(), publishAt: '2027-01-02T10:00', unpublishAt: '2027-01-01T10:00' });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['unpublishAt']);
  });
});
