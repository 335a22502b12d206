'use client';

import { useId, useMemo } from 'react';
import type { ProductVariant } from '@/lib/catalog';
import { findVariant, optionGroups } from '@/lib/variants';
import { AvailabilityLabel } from './availability-label';
import { PriceWithSaving } from './price-with-saving';
import { useVariantSelection } from './variant-selection';

/**
 * Lets the shopper pick option values and shows the matching variant's price, SKU and stock.
 * The server renders it with the initial variant selected, so the HTML is complete without script.
 */
export function VariantSelector({ variants }: { variants: ProductVariant[] }) {
  const groups = useMemo(() => optionGroups(variants), [variants]);
  const { selection, setSelection } = useVariantSelection(variants);
  const idPrefix = useId();
  const selected = findVariant(variants, selection);

  if (variants.length === 0) return null;

  return (
    <div data-testid="variant-selector" className="space-y-4 rounded-lg border border-slate-200 p-4">
      {groups.map((group, index) => {
        const selectId = `${idPrefix}-option-${index}`;
        return (
          <div key={group.name} className="flex flex-col gap-1">
            <label htmlFor={selectId} className="text-sm font-medium text-slate-700">
              {group.name}
            </label>
            <select
              id={selectId}
              data-testid="option-select"
              data-option-name={group.name}
              value={selection[group.name] ?? ''}
              onChange={(event) => setSelection((current) => ({ ...current, [group.name]: event.target.value }))}
              className="rounded-md border border-slate-300 bg-white px-3 py-2"
            >
              {group.values.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </div>
        );
      })}

      <div aria-live="polite" className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-4">
        {selected ? (
          <>
            <div>
              <PriceWithSaving testId="selected-variant-price" price={selected.price} compareAt={selected.compareAtPrice} className="text-2xl font-semibold" />
              <p className="text-xs text-slate-500">
                SKU <span data-testid="selected-variant-sku">{selected.sku}</span>
              </p>
            </div>
            <span data-testid="selected-variant-availability">
              <AvailabilityLabel availability={selected.availability} />
            </span>
          </>
        ) : (
          <p data-testid="selected-variant-unavailable" className="text-sm text-slate-600">
            This combination is not available.
          </p>
        )}
      </div>
    </div>
  );
}
