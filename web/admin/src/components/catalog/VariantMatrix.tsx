import { useState } from 'react';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import type { ProductFormValues } from '../../catalog/productForm';
import { combinationKey, combinations, generateVariants, MAX_OPTIONS, moveValue, variantTitle } from '../../catalog/variantMatrix';

type Form = UseFormReturn<ProductFormValues>;

const input = 'w-full rounded border border-slate-300 px-2 py-1 text-sm';

/**
 * Options (up to three, each with its values in display order) and the variant matrix: one row per combination,
 * generated from the options, each with its own SKU, prices, weight and barcode. Removed combinations stay removed
 * when the matrix is generated again; what was typed into a row stays with its combination.
 */
export function VariantMatrix({ form, skuStem, fieldError }: { form: Form; skuStem: string; fieldError: (name: string) => string | undefined }) {
  const options = form.watch('options');
  const variants = useFieldArray({ control: form.control, name: 'variants' });
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const [newValues, setNewValues] = useState<string[]>(['', '', '']);

  const setOptions = (next: ProductFormValues['options']) => form.setValue('options', next, { shouldDirty: true });
  const possible = combinations(options).length;

  const generate = () => {
    const current = form.getValues('variants');
    variants.replace(generateVariants(form.getValues('options'), current, removed, skuStem));
  };

  return (
    <section aria-labelledby="variants-heading" className="space-y-4">
      <h2 id="variants-heading" className="text-lg font-semibold">
        Options and variants
      </h2>
      {options.map((option, optionIndex) => (
        <fieldset key={optionIndex} className="space-y-2 rounded border border-slate-200 bg-white p-3">
          <legend className="px-1 text-sm font-medium">Option {optionIndex + 1}</legend>
          <div className="flex items-end gap-2">
            <label className="flex flex-1 flex-col text-sm">
              Option name
              <input
                className={input}
                value={option.name}
                onChange={(event) => setOptions(options.map((candidate, index) => (index === optionIndex ? { ...candidate, name: event.target.value } : candidate)))}
              />
            </label>
            <button
              type="button"
              className="rounded border border-red-300 px-2 py-1 text-sm text-red-700"
              onClick={() => setOptions(options.filter((_, index) => index !== optionIndex))}
            >
              Remove option {option.name || optionIndex + 1}
            </button>
          </div>
          {fieldError(`options.${optionIndex}.name`) && <p className="text-sm text-red-700">{fieldError(`options.${optionIndex}.name`)}</p>}
          <ol aria-label={`Values of ${option.name || `option ${optionIndex + 1}`}`} className="flex flex-wrap gap-2">
            {option.values.map((value, valueIndex) => (
              <li key={`${value}-${valueIndex}`} className="flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-sm">
                <span>{value}</span>
                <button
                  type="button"
                  aria-label={`Move ${value} earlier`}
                  disabled={valueIndex === 0}
                  onClick={() => setOptions(options.map((candidate, index) => (index === optionIndex ? moveValue(candidate, valueIndex, -1) : candidate)))}
                >
                  ←
                </button>
                <button
                  type="button"
                  aria-label={`Move ${value} later`}
                  disabled={valueIndex === option.values.length - 1}
                  onClick={() => setOptions(options.map((candidate, index) => (index === optionIndex ? moveValue(candidate, valueIndex, 1) : candidate)))}
                >
                  →
                </button>
                <button
                  type="button"
                  aria-label={`Remove ${value}`}
                  onClick={() =>
                    setOptions(options.map((candidate, index) => (index === optionIndex ? { ...candidate, values: candidate.values.filter((_, at) => at !== valueIndex) } : candidate)))
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ol>
          <div className="flex items-end gap-2">
            <label className="flex flex-col text-sm">
              New value of {option.name || `option ${optionIndex + 1}`}
              <input
                className={input}
                value={newValues[optionIndex] ?? ''}
                onChange={(event) => setNewValues(newValues.map((text, index) => (index === optionIndex ? event.target.value : text)))}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    (event.currentTarget.parentElement?.nextElementSibling as HTMLButtonElement | null)?.click();
                  }
                }}
              />
            </label>
            <button
              type="button"
              className="rounded border border-slate-300 px-2 py-1 text-sm"
              onClick={() => {
                const value = (newValues[optionIndex] ?? '').trim();
                if (!value || option.values.includes(value)) return;
                setOptions(options.map((candidate, index) => (index === optionIndex ? { ...candidate, values: [...candidate.values, value] } : candidate)));
                setNewValues(newValues.map((text, index) => (index === optionIndex ? '' : text)));
              }}
            >
              Add value
            </button>
          </div>
        </fieldset>
      ))}
      <div className="flex flex-wrap items-center gap-2">
        {options.length < MAX_OPTIONS && (
          <button type="button" className="rounded border border-slate-300 px-3 py-1 text-sm" onClick={() => setOptions([...options, { name: '', values: [] }])}>
            Add option
          </button>
        )}
        <button type="button" className="rounded bg-slate-700 px-3 py-1 text-sm text-white" onClick={generate}>
          Generate variants
        </button>
        <span className="text-sm text-slate-600">
          {possible} combination{possible === 1 ? '' : 's'}
          {removed.size > 0 && `, ${removed.size} removed`}
        </span>
        {removed.size > 0 && (
          <button type="button" className="text-sm underline" onClick={() => setRemoved(new Set())}>
            Bring back removed combinations
          </button>
        )}
      </div>
      {fieldError('variants') && <p className="text-sm text-red-700">{fieldError('variants')}</p>}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm" aria-label="Variants">
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="px-2 py-1">
                Variant
              </th>
              <th scope="col" className="px-2 py-1">
                SKU
              </th>
              <th scope="col" className="px-2 py-1">
                Price
              </th>
              <th scope="col" className="px-2 py-1">
                Compare-at
              </th>
              <th scope="col" className="px-2 py-1">
                Cost
              </th>
              <th scope="col" className="px-2 py-1">
                Weight (g)
              </th>
              <th scope="col" className="px-2 py-1">
                Barcode
              </th>
              <th scope="col" className="px-2 py-1">
                <span className="sr-only">Keep or remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {variants.fields.map((field, index) => {
              const title = variantTitle(field.values);
              const cell = (name: 'sku' | 'price' | 'compareAtPrice' | 'cost' | 'weightGrams' | 'barcode', label: string) => {
                const error = fieldError(`variants.${index}.${name}`);
                return (
                  <td className="px-2 py-1 align-top">
                    <input
                      aria-label={`${label} of ${title}`}
                      aria-invalid={error ? true : undefined}
                      className={input}
                      inputMode={name === 'sku' || name === 'barcode' ? undefined : 'decimal'}
                      {...form.register(`variants.${index}.${name}`)}
                    />
                    {error && <p className="text-xs text-red-700">{error}</p>}
                  </td>
                );
              };
              return (
                <tr key={field.id} className="border-b border-slate-100">
                  <th scope="row" className="px-2 py-1 text-left font-medium">
                    {title}
                  </th>
                  {cell('sku', 'SKU')}
                  {cell('price', 'Price')}
                  {cell('compareAtPrice', 'Compare-at price')}
                  {cell('cost', 'Cost')}
                  {cell('weightGrams', 'Weight in grams')}
                  {cell('barcode', 'Barcode')}
                  <td className="px-2 py-1 align-top">
                    {variants.fields.length > 1 && (
                      <button
                        type="button"
                        aria-label={`Remove variant ${title}`}
                        className="rounded border border-red-300 px-2 py-1 text-xs text-red-700"
                        onClick={() => {
                          setRemoved(new Set([...removed, combinationKey(field.values)]));
                          variants.remove(index);
                        }}
                      >
                        Remove
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
