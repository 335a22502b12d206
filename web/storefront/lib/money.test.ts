import { describe, expect, it } from 'vitest';
import { currencyFractionDigits, discountPercent, formatMoney } from './money';

describe('currencyFractionDigits', () => {
  it('knows each currency’s minor unit', () => {
    expect(currencyFractionDigits('USD')).toBe(2);
    expect(currencyFractionDigits('eur')).toBe(2);
    expect(currencyFractionDigits('JPY')).toBe(0);
    expect(currencyFractionDigits('KWD')).toBe(3);
  });
});

describe('formatMoney', () => {
  it('divides minor units by the currency’s fraction digits', () => {
    expect(formatMoney({ amount: 1999, currency: 'USD' })).toBe('$19.99');
    expect(formatMoney({ amount: 5, currency: 'USD' })).toBe('$0.05');
    expect(formatMoney({ amount: 123456, currency: 'USD' })).toBe('$1,234.56');
    expect(formatMoney({ amount: 1500, currency: 'JPY' })).toBe('¥1,500');
    expect(formatMoney({ amount: 1234, currency: 'KWD' })).toBe('KWD\u00a01.234');
    expect(formatMoney({ amount: 1000, currency: 'EUR' })).toBe('€10.00');
  });

  it('formats zero and lower-case currency codes', () => {
    expect(formatMoney({ amount: 0, currency: 'usd' })).toBe('$0.00');
  });

  it('honours another locale', () => {
    expect(formatMoney({ amount: 1999, currency: 'EUR' }, 'de-DE')).toBe('19,99\u00a0€');
  });

  it('falls back to plain minor units for a code Intl does not accept', () => {
    expect(formatMoney({ amount: 1999, currency: 'NOT-A-CODE' })).toBe('1999 NOT-A-CODE');
  });
});

describe('discountPercent', () => {
  it('is the whole percent saved against a higher compare-at price', () => {
    expect(discountPercent({ amount: 8000, currency: 'USD' }, { amount: 10000, currency: 'USD' })).toBe(20);
    expect(discountPercent({ amount: 6667, currency: 'USD' }, { amount: 10000, currency: 'USD' })).toBe(33);
  });

  it('is null without a saving to show', () => {
    expect(discountPercent({ amount: 8000, currency: 'USD' }, null)).toBeNull();
    expect(discountPercent({ amount: 8000, currency: 'USD' }, { amount: 8000, currency: 'USD' })).toBeNull();
    expect(discountPercent({ amount: 8000, currency: 'USD' }, { amount: 7000, currency: 'USD' })).toBeNull();
    expect(discountPercent({ amount: 8000, currency: 'USD' }, { amount: 10000, currency: 'EUR' })).toBeNull();
    // Less than half a percent rounds to nothing worth announcing.
    expect(discountPercent({ amount: 99999, currency: 'USD' }, { amount: 100000, currency: 'USD' })).toBeNull();
  });
});
