import { discountPercent, formatMoney, type Money } from '@/lib/money';

/** A price, and when the compare-at ("was") price is above it, that one struck through with the saving. */
export function PriceWithSaving({
  price,
  compareAt,
  testId,
  className,
}: {
  price: Money;
  compareAt: Money | null | undefined;
  testId?: string;
  className?: string;
}) {
  const saving = discountPercent(price, compareAt);
  return (
    <p className="flex flex-wrap items-baseline gap-2">
      <span data-testid={testId} className={className}>
        {formatMoney(price)}
      </span>
      {saving !== null && compareAt ? (
        <>
          <s data-testid="compare-at-price" className="text-sm text-slate-500">
            <span className="sr-only">Was </span>
            {formatMoney(compareAt)}
          </s>
          <span data-testid="saving" className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-semibold text-red-700">
            Save {saving}%
          </span>
        </>
      ) : null}
    </p>
  );
}
