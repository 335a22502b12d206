import { describe, expect, it } from 'vitest';
import { conflictVersion, GraphQLRequestError } from '../api/graphql';
import { formFieldFor, placeErrors } from './formErrors';

describe('a refused save', () => {
  it('is a conflict when someone else saved first, with the version they saved', () => {
    const stale = new GraphQLRequestError([{ message: 'The product changed.', extensions: { code: 'CONFLICT', currentVersion: 7 } }]);
    expect(conflictVersion(stale)).toBe(7);
    expect(conflictVersion(new GraphQLRequestError([{ message: 'No.', extensions: { code: 'FORBIDDEN' } }]))).toBeNull();
    expect(conflictVersion(new Error('network'))).toBeNull();
  });

  it('places each field message next to its field of the form', () => {
    const refused = new GraphQLRequestError([
      {
        message: 'The product is not valid.',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: { name: ['At most 200 characters.'], 'variants[1].sku': ['Another product has this SKU.'], 'variants[0].compareAtPriceAmount': ['Not below the price.'], weird: ['Odd.'] },
        },
      },
    ]);
    expect(placeErrors(refused)).toEqual({
      fields: { title: 'At most 200 characters.', 'variants.1.sku': 'Another product has this SKU.', 'variants.0.compareAtPrice': 'Not below the price.' },
      general: ['weird: Odd.'],
    });
  });

  it('keeps messages without fields for the top of the form', () => {
    expect(placeErrors(new GraphQLRequestError([{ message: 'Not allowed: products:write', extensions: { code: 'FORBIDDEN' } }]))).toEqual({ fields: {}, general: ['Not allowed: products:write'] });
    expect(placeErrors(new Error('Offline'))).toEqual({ fields: {}, general: ['Offline'] });
  });

  it('maps the platform’s names to the form’s', () => {
    expect(formFieldFor('SeoTitle')).toBe('seoTitle');
    expect(formFieldFor('categorySlugs[0]')).toBe('categories');
    expect(formFieldFor('options[2].values[0]')).toBe('options.2.values');
    expect(formFieldFor('variants[3].priceAmount')).toBe('variants.3.price');
  });
});
