export interface Money {
  /** Integer amount in the currency's minor unit (cents for USD, yen for JPY). */
  amount: number;
  /** ISO 4217 currency code. */
  currency: string;
}

/** One locale for server and client rendering, so hydration never sees a different string. */
export const STORE_LOCALE = 'en-US';

const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormatter(currency: string, locale: string): Intl.NumberFormat | null {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      return null; // not a currency code Intl knows
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Number of minor-unit digits of a currency (2 for USD and EUR, 0 for JPY, 3 for KWD). */
export function currencyFractionDigits(currency: string): number {
  return currencyFormatter(currency.toUpperCase(), STORE_LOCALE)?.resolvedOptions().maximumFractionDigits ?? 2;
}

/** Formats integer minor units as a price, e.g. {amount: 1999, currency: "USD"} -> "$19.99". */
export function formatMoney(money: Money, locale: string = STORE_LOCALE): string {
  const currency = money.currency.toUpperCase();
  const formatter = currencyFormatter(currency, locale);
  if (!formatter) {
    return `${money.amount} ${currency}`;
  }
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(money.amount / 10 ** digits);
}

/** Whole percent saved against the compare-at ("was") price, or null when there is no saving to show. */
export function discountPercent(price: Money, compareAt: Money | null | undefined): number | null {
  if (!compareAt || compareAt.currency !== price.currency || compareAt.amount <= price.amount) return null;
  const percent = Math.round(((compareAt.amount - price.amount) / compareAt.amount) * 100);
  return percent > 0 ? percent : null;
}
