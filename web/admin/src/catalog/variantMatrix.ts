/**
 * The variant matrix: a product's options (at most three, each with ordered values) and one variant per
 * combination of values. Generating keeps what was typed into a combination that still exists (matched by its
 * values, not its place) and leaves out combinations the merchant removed.
 */

export const MAX_OPTIONS = 3;

export interface OptionDraft {
  name: string;
  values: string[];
}

export interface VariantDraft {
  /** The variant's values, one per option, in the options' order. */
  values: string[];
  sku: string;
  /** Prices as the merchant types them ("19.99"); converted to minor units on save. */
  price: string;
  compareAtPrice: string;
  cost: string;
  weightGrams: string;
  barcode: string;
}

/** Options that count: named, with at least one value; blank values and repeated values dropped. */
export function usableOptions(options: OptionDraft[]): OptionDraft[] {
  return options
    .map((option) => ({ name: option.name.trim(), values: unique(option.values.map((value) => value.trim()).filter(Boolean)) }))
    .filter((option) => option.name && option.values.length > 0)
    .slice(0, MAX_OPTIONS);
}

/** Every combination of the options' values, in the options' order (the first option varies slowest). */
export function combinations(options: OptionDraft[]): string[][] {
  return usableOptions(options).reduce<string[][]>(
    (rows, option) => rows.flatMap((row) => option.values.map((value) => [...row, value])),
    [[]],
  );
}

export const combinationKey = (values: string[]) => values.join('\u0000');

/** A variant's title: its values joined ("Red / M"), or "Default" for a product without options. */
export function variantTitle(values: string[]): string {
  return values.length > 0 ? values.join(' / ') : 'Default';
}

export function emptyVariant(values: string[], skuStem = ''): VariantDraft {
  const suffix = values.map((value) => value.toUpperCase().replace(/[^A-Z0-9]+/g, '')).filter(Boolean);
  return {
    values,
    sku: skuStem ? [skuStem, ...suffix].join('-') : '',
    price: '',
    compareAtPrice: '',
    cost: '',
    weightGrams: '',
    barcode: '',
  };
}

/**
 * The variants for the options: one per combination, in order, except the removed ones. A combination that had a
 * variant keeps it as it was (its SKU and prices); a new one starts empty, its SKU from the stem.
 */
export function generateVariants(options: OptionDraft[], existing: VariantDraft[], removed: ReadonlySet<string> = new Set(), skuStem = ''): VariantDraft[] {
  const byKey = new Map(existing.map((variant) => [combinationKey(variant.values), variant]));
  return combinations(options)
    .filter((values) => !removed.has(combinationKey(values)))
    .map((values) => byKey.get(combinationKey(values)) ?? emptyVariant(values, skuStem));
}

/** Moves an option value one place up or down (values are shown in this order). */
export function moveValue(option: OptionDraft, index: number, offset: -1 | 1): OptionDraft {
  const target = index + offset;
  if (target < 0 || target >= option.values.length) return option;
  const values = [...option.values];
  [values[index], values[target]] = [values[target]!, values[index]!];
  return { ...option, values };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * Money as the merchant types it ("19.99", "19", "1,299.50") to minor units for a currency with two decimals;
 * null for an empty field, NaN for something that is not an amount.
 */
export function toMinorUnits(text: string): number | null {
  const cleaned = text.trim().replace(/,/g, '');
  if (!cleaned) return null;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return Number.NaN;
  const [whole, fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Minor units back to the text the form shows ("19.99"). */
export function fromMinorUnits(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '';
  const whole = Math.floor(amount / 100);
  const cents = String(amount % 100).padStart(2, '0');
  return `${whole}.${cents}`;
}
