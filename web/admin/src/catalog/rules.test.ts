import { describe, expect, it } from 'vitest';
import { changeField, completeRules, newRule, ruleProblem } from './rules';

describe('the collection condition builder', () => {
  it('starts a condition with the field’s first comparison and no value', () => {
    expect(newRule('price')).toEqual({ field: 'price', operator: 'greaterThan', value: '' });
  });

  it('keeps the comparison and value when the new field allows them, and resets them otherwise', () => {
    expect(changeField({ field: 'tag', operator: 'contains', value: 'rain' }, 'brand')).toEqual({ field: 'brand', operator: 'contains', value: 'rain' });
    expect(changeField({ field: 'tag', operator: 'contains', value: 'rain' }, 'price')).toEqual({ field: 'price', operator: 'greaterThan', value: '' });
  });

  it('says what is missing or wrong in a condition', () => {
    expect(ruleProblem({ field: 'tag', operator: 'equals', value: ' ' })).toBe('Enter a value.');
    expect(ruleProblem({ field: 'price', operator: 'lessThan', value: 'cheap' })).toBe('Enter an amount such as 25 or 19.99.');
    expect(ruleProblem({ field: 'price', operator: 'contains', value: '10' })).toBe('Choose a comparison.');
    expect(ruleProblem({ field: 'status', operator: 'equals', value: 'sold' })).toBe('Choose draft, active or archived.');
    expect(ruleProblem({ field: 'tag', operator: 'equals', value: 'rain' })).toBeNull();
  });

  it('previews only complete conditions, with amounts in minor units', () => {
    expect(completeRules([])).toBeNull();
    expect(completeRules([{ field: 'tag', operator: 'equals', value: 'rain' }, newRule()])).toBeNull();
    expect(
      completeRules([
        { field: 'tag', operator: 'equals', value: ' rain ' },
        { field: 'price', operator: 'lessThan', value: '19.9' },
        { field: 'status', operator: 'equals', value: 'Active' },
      ]),
    ).toEqual([
      { field: 'tag', operator: 'equals', value: 'rain' },
      { field: 'price', operator: 'lessThan', value: '1990' },
      { field: 'status', operator: 'equals', value: 'active' },
    ]);
  });
});
