/**
 * The search-result preview: what a search engine is likely to show for the product, with the lengths the
 * platform allows (title 70, description 320) and the lengths results usually show before cutting off.
 */

export const SEO_TITLE_MAX = 70;
export const SEO_DESCRIPTION_MAX = 320;
/** Results usually show about this much of a title and of a description before an ellipsis. */
export const SEO_TITLE_SHOWN = 60;
export const SEO_DESCRIPTION_SHOWN = 160;

export interface SeoPreview {
  title: string;
  url: string;
  description: string;
  titleHint: string;
  descriptionHint: string;
  titleTooLong: boolean;
  descriptionTooLong: boolean;
}

/** Text of sanitised HTML, whitespace collapsed (the description's fallback). */
export function plainText(html: string): string {
  return html
    // Blocks part words; inline formatting does not ("<strong>dry</strong>." is "dry.").
    .replace(/<\/?(p|div|h[1-6]|li|ul|ol|br|tr|td|th|table|blockquote)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function truncate(text: string, length: number): string {
  if (text.length <= length) return text;
  return `${text.slice(0, length - 1).trimEnd()}…`;
}

function hint(length: number, shown: number, max: number): string {
  if (length === 0) return `0 of ${max} characters`;
  if (length > max) return `${length} of ${max} characters: ${length - max} too many`;
  if (length > shown) return `${length} of ${max} characters; results usually show about ${shown}`;
  return `${length} of ${max} characters`;
}

/**
 * The preview for the fields as typed: the SEO title, else the product's title; the SEO description, else the
 * start of the description's text; the address on the store's host.
 */
export function seoPreview(input: { seoTitle: string; seoDescription: string; title: string; descriptionHtml: string; slug: string; storeHost: string }): SeoPreview {
  const seoTitle = input.seoTitle.trim();
  const seoDescription = input.seoDescription.trim();
  const title = seoTitle || input.title.trim();
  const description = seoDescription || plainText(input.descriptionHtml);
  return {
    title: truncate(title, SEO_TITLE_SHOWN) || 'Untitled product',
    url: `${input.storeHost.replace(/\/+$/, '')}/products/${input.slug || '…'}`,
    description: truncate(description, SEO_DESCRIPTION_SHOWN),
    titleHint: hint(seoTitle.length, SEO_TITLE_SHOWN, SEO_TITLE_MAX),
    descriptionHint: hint(seoDescription.length, SEO_DESCRIPTION_SHOWN, SEO_DESCRIPTION_MAX),
    titleTooLong: seoTitle.length > SEO_TITLE_MAX,
    descriptionTooLong: seoDescription.length > SEO_DESCRIPTION_MAX,
  };
}

/** A slug from a title: lower case letters, digits and single hyphens, at most 120 characters. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
}
