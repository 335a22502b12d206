import { describe, expect, it } from 'vitest';
import { findVariant, initialVariant, optionGroups, selectionOf } from './variants';

const variant = (id: string, inStock: boolean, options: Record<string, string>) => ({
  id,
  availability: { inStock },
  options: Object.entries(options).map(([name, value]) => ({ name, value })),
});

const variants = [
  variant('red-s', false, { Color: 'Red', Size: 'S' }),
  variant('red-m', true, { Color: 'Red', Size: 'M' }),
  variant('blue-s', true, { Color: 'Blue', Size: 'S' }),
];

describe('variant selection', () => {
  it('groups option values by name in first-seen order', () => {
    expect(optionGroups(variants)).toEqual([
      { name: 'Color', values: ['Red', 'Blue'] },
      { name: 'Size', values: ['S', 'M'] },
    ]);
  });

  it('finds the variant matching every chosen option', () => {
    expect(findVariant(variants, { Color: 'Blue', Size: 'S' })?.id).toBe('blue-s');
    expect(findVariant(variants, { Color: 'Red', Size: 'M' })?.id).toBe('red-m');
  });

  it('finds nothing for a combination that is not sold or is incomplete', () => {
    expect(findVariant(variants, { Color: 'Blue', Size: 'M' })).toBeUndefined();
    expect(findVariant(variants, { Color: 'Blue' })).toBeUndefined();
  });

  it('starts on the first variant in stock', () => {
    expect(initialVariant(variants)?.id).toBe('red-m');
    expect(initialVariant([variants[0]!])?.id).toBe('red-s');
    expect(initialVariant([])).toBeUndefined();
    expect(selectionOf(variants[1]!)).toEqual({ Color: 'Red', Size: 'M' });
  });

  it('treats a variant without options as the only choice', () => {
    const single = [variant('only', true, {})];
    expect(optionGroups(single)).toEqual([]);
    expect(findVariant(single, {})?.id).toBe('only');
  });
});
