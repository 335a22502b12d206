import { describe, expect, it } from 'vitest';
import { changeField, completeRules, editableRules, newRule, ruleProblem } from './rules';

describe('the collection condition builder', () => {
  it('starts a condition with the field’s first comparison and no value', () => {
    expect(newRule('PRICE')).toEqual({ field: 'PRICE', operator: 'GREATER_THAN', value: '' });
    expect(newRule()).toEqual({ field: 'TAG', operator: 'EQUALS', value: '' });
  });

  it('keeps the comparison and value when the new field allows them, and resets them otherwise', () => {
    expect(changeField({ field: 'BRAND', operator: 'CONTAINS', value: 'rain' }, 'PRODUCT_TYPE')).toEqual({ field: 'PRODUCT_TYPE', operator: 'CONTAINS', value: 'rain' });
    expect(changeField({ field: 'BRAND', operator: 'CONTAINS', value: 'rain' }, 'TAG')).toEqual({ field: 'TAG', operator: 'EQUALS', value: 'rain' });
    expect(changeField({ field: 'TAG', operator: 'NOT_EQUALS', value: 'rain' }, 'PRICE')).toEqual({ field: 'PRICE', operator: 'NOT_EQUALS', value: '' });
    expect(changeField({ field: 'TAG', operator: 'EQUALS', value: 'rain' }, 'CATEGORY')).toEqual({ field: 'CATEGORY', operator: 'EQUALS', value: '' });
  });

  it('says what is missing or wrong in a condition', () => {
    expect(ruleProblem({ field: 'TAG', operator: 'EQUALS', value: ' ' })).toBe('Enter a value.');
    expect(ruleProblem({ field: 'CATEGORY', operator: 'EQUALS', value: '' })).toBe('Choose a category.');
    expect(ruleProblem({ field: 'PRICE', operator: 'LESS_THAN', value: 'cheap' })).toBe('Enter an amount such as 25 or 19.99.');
    expect(ruleProblem({ field: 'PRICE', operator: 'CONTAINS', value: '10' })).toBe('Choose a comparison.');
    expect(ruleProblem({ field: 'TAG', operator: 'CONTAINS', value: 'rain' })).toBe('Choose a comparison.');
    expect(ruleProblem({ field: 'COMPARE_AT', operator: 'EQUALS', value: 'maybe' })).toBe('Choose yes or no.');
    expect(ruleProblem({ field: 'TITLE', operator: 'CONTAINS', value: 'x'.repeat(201) })).toBe('Use at most 200 characters.');
    expect(ruleProblem({ field: 'TAG', operator: 'EQUALS', value: 'rain' })).toBeNull();
  });

  it('previews only complete conditions, with amounts in minor units', () => {
    expect(completeRules([])).toBeNull();
    expect(completeRules([{ field: 'TAG', operator: 'EQUALS', value: 'rain' }, newRule()])).toBeNull();
    expect(completeRules(Array.from({ length: 21 }, () => ({ field: 'TAG' as const, operator: 'EQUALS' as const, value: 'rain' })))).toBeNull();
    expect(
      completeRules([
        { field: 'TAG', operator: 'EQUALS', value: ' rain ' },
        { field: 'PRICE', operator: 'LESS_THAN', value: '19.9' },
        { field: 'COMPARE_AT', operator: 'EQUALS', value: 'true' },
      ]),
    ).toEqual([
      { field: 'TAG', operator: 'EQUALS', value: 'rain' },
      { field: 'PRICE', operator: 'LESS_THAN', value: '1990' },
      { field: 'COMPARE_AT', operator: 'EQUALS', value: 'true' },
    ]);
  });

  it('shows saved amounts as typed, and leaves other values alone', () => {
    expect(
      editableRules([
        { field: 'PRICE', operator: 'LESS_THAN', value: '1990' },
        { field: 'PRICE', operator: 'GREATER_THAN', value: '2500' },
        { field: 'PRICE', operator: 'EQUALS', value: '5' },
        { field: 'TAG', operator: 'EQUALS', value: '1990' },
      ]),
    ).toEqual([
      { field: 'PRICE', operator: 'LESS_THAN', value: '19.90' },
      { field: 'PRICE', operator: 'GREATER_THAN', value: '25' },
      { field: 'PRICE', operator: 'EQUALS', value: '0.05' },
      { field: 'TAG', operator: 'EQUALS', value: '1990' },
    ]);
  });
});
