import { describe, expect, it } from 'vitest';
import { categoryPath, flattenCategories } from './categories';

const tree = [
  { id: 'a', slug: 'apparel', name: 'Apparel', children: [{ id: 's', slug: 'shirts', name: 'Shirts', children: [{ id: 't', slug: 'tees', name: 'Tees', children: [] }] }, { id: 'h', slug: 'hats', name: 'Hats' }] },
  { id: 'm', slug: 'mugs', name: 'Mugs', children: [] },
];

describe('the category tree', () => {
  it('lists every category depth first with its depth, parent and place among its siblings', () => {
    expect(flattenCategories(tree).map((line) => [line.slug, line.depth, line.parentId, line.position, line.siblings])).toEqual([
      ['apparel', 0, null, 0, 2],
      ['shirts', 1, 'a', 0, 2],
      ['tees', 2, 's', 0, 1],
      ['hats', 1, 'a', 1, 2],
      ['mugs', 0, null, 1, 2],
    ]);
  });

  it('names a category with its ancestors', () => {
    expect(categoryPath(flattenCategories(tree), 't')).toBe('Apparel › Shirts › Tees');
    expect(categoryPath(flattenCategories(tree), 'missing')).toBe('');
  });
});
