import { describe, expect, it } from 'vitest';
import { combinationKey, combinations, emptyVariant, fromMinorUnits, generateVariants, moveValue, toMinorUnits, usableOptions, variantTitle } from './variantMatrix';

const sizeAndColour = [
  { name: 'Size', values: ['S', 'M'] },
  { name: 'Colour', values: ['Red', 'Blue'] },
];

describe('the variant matrix', () => {
  it('makes one combination per pair of values, the first option varying slowest', () => {
    expect(combinations(sizeAndColour)).toEqual([
      ['S', 'Red'],
      ['S', 'Blue'],
      ['M', 'Red'],
      ['M', 'Blue'],
    ]);
  });

  it('is one variant without values for a product without options', () => {
    expect(combinations([])).toEqual([[]]);
    expect(variantTitle([])).toBe('Default');
  });

  it('ignores unnamed options, empty options, blank and repeated values, and options past the third', () => {
    const options = usableOptions([
      { name: ' Size ', values: ['S', ' S', '', 'M'] },
      { name: '', values: ['x'] },
      { name: 'Material', values: [] },
      { name: 'Colour', values: ['Red'] },
      { name: 'Fit', values: ['Slim'] },
      { name: 'Length', values: ['Long'] },
    ]);
    expect(options).toEqual([
      { name: 'Size', values: ['S', 'M'] },
      { name: 'Colour', values: ['Red'] },
      { name: 'Fit', values: ['Slim'] },
    ]);
  });

  it('keeps what was typed into a combination that still exists and starts new ones from the SKU stem', () => {
    const typed = { ...emptyVariant(['S', 'Red']), sku: 'TEE-S-RED', price: '19.99' };
    const variants = generateVariants(sizeAndColour, [typed, { ...emptyVariant(['XL', 'Red']), sku: 'GONE' }], new Set(), 'TEE');
    expect(variants.map((variant) => variant.sku)).toEqual(['TEE-S-RED', 'TEE-S-BLUE', 'TEE-M-RED', 'TEE-M-BLUE']);
    expect(variants[0]!.price).toBe('19.99');
  });

  it('leaves removed combinations out when generating again', () => {
    const removed = new Set([combinationKey(['M', 'Blue'])]);
    expect(generateVariants(sizeAndColour, [], removed).map((variant) => variantTitle(variant.values))).toEqual(['S / Red', 'S / Blue', 'M / Red']);
  });

  it('follows a change of value order', () => {
    const reordered = [moveValue(sizeAndColour[0]!, 1, -1), sizeAndColour[1]!];
    expect(combinations(reordered)[0]).toEqual(['M', 'Red']);
    expect(moveValue(sizeAndColour[0]!, 0, -1)).toBe(sizeAndColour[0]);
  });

  it('reads money as typed into minor units and back', () => {
    expect(toMinorUnits('19.99')).toBe(1999);
    expect(toMinorUnits('19.9')).toBe(1990);
    expect(toMinorUnits('1,299')).toBe(129900);
    expect(toMinorUnits('')).toBeNull();
    expect(toMinorUnits('12.345')).toBeNaN();
    expect(toMinorUnits('-1')).toBeNaN();
    expect(toMinorUnits('ten')).toBeNaN();
    expect(fromMinorUnits(1999)).toBe('19.99');
    expect(fromMinorUnits(5)).toBe('0.05');
    expect(fromMinorUnits(null)).toBe('');
  });
});
