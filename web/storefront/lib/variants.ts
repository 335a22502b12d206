import type { OptionValue } from './catalog';

export interface VariantLike {
  id: string;
  options: OptionValue[];
  availability: { inStock: boolean };
}

export interface OptionGroup {
  name: string;
  values: string[];
}

export type OptionSelection = Record<string, string>;

/** Option names with their distinct values, in the order the variants first mention them. */
export function optionGroups(variants: readonly VariantLike[]): OptionGroup[] {
  const groups = new Map<string, string[]>();
  for (const variant of variants) {
    for (const { name, value } of variant.options) {
      const values = groups.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      groups.set(name, values);
    }
  }
  return [...groups].map(([name, values]) => ({ name, values }));
}

export function selectionOf(variant: VariantLike): OptionSelection {
  return Object.fromEntries(variant.options.map(({ name, value }) => [name, value]));
}

/** The variant whose options match every chosen value, or undefined for a combination that is not sold. */
export function findVariant<T extends VariantLike>(variants: readonly T[], selection: OptionSelection): T | undefined {
  return variants.find(
    (variant) =>
      variant.options.length === Object.keys(selection).length &&
      variant.options.every(({ name, value }) => selection[name] === value),
  );
}

/** What the selector shows first: the first variant in stock, else the first variant. */
export function initialVariant<T extends VariantLike>(variants: readonly T[]): T | undefined {
  return variants.find((variant) => variant.availability.inStock) ?? variants[0];
}
