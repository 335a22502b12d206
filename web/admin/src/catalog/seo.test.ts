import { describe, expect, it } from 'vitest';
import { plainText, seoPreview, slugify } from './seo';

const base = { seoTitle: '', seoDescription: '', title: 'Trail jacket', descriptionHtml: '<p>Warm &amp; <strong>dry</strong>.</p>', slug: 'trail-jacket', storeHost: 'Acme Outfitters' };

describe('the search-result preview', () => {
  it('falls back to the title and the description text when the SEO fields are empty', () => {
    const preview = seoPreview(base);
    expect(preview.title).toBe('Trail jacket');
    expect(preview.description).toBe('Warm & dry.');
    expect(preview.url).toBe('Acme Outfitters/products/trail-jacket');
    expect(preview.titleHint).toBe('0 of 70 characters');
  });

  it('uses the SEO fields as typed and says how long they are', () => {
    const preview = seoPreview({ ...base, seoTitle: 'Trail jacket | Acme', seoDescription: 'Stays dry in any weather.' });
    expect(preview.title).toBe('Trail jacket | Acme');
    expect(preview.description).toBe('Stays dry in any weather.');
    expect(preview.titleHint).toBe('19 of 70 characters');
    expect(preview.titleTooLong).toBe(false);
  });

  it('cuts what results would cut, and warns past what the platform allows', () => {
    const preview = seoPreview({ ...base, seoTitle: 'x'.repeat(65), seoDescription: 'y'.repeat(321) });
    expect(preview.title).toHaveLength(60);
    expect(preview.title.endsWith('…')).toBe(true);
    expect(preview.description).toHaveLength(160);
    expect(preview.titleHint).toBe('65 of 70 characters; results usually show about 60');
    expect(preview.descriptionHint).toBe('321 of 320 characters: 1 too many');
    expect(preview.descriptionTooLong).toBe(true);
  });

  it('reads HTML as text', () => {
    expect(plainText('<h3>Fit</h3><ul><li>Slim</li><li>Long&nbsp;sleeves</li></ul>')).toBe('Fit Slim Long sleeves');
  });

  it('makes slugs of titles', () => {
    expect(slugify('  Crème Brûlée — Large! ')).toBe('creme-brulee-large');
    expect(slugify('x'.repeat(130))).toHaveLength(120);
  });
});
