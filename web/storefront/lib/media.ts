/**
 * Product images. Catalog serves each image in renditions of fixed widths at /media/<id>/<width>.<webp|jpg>
 * (never wider than the original); the storefront serves the same paths from its own origin (app/media), so pages
 * name images by relative URLs and browsers cache them for good.
 */

import type { Environment } from './environment';

export interface ProductMedia {
  id: string;
  alt: string;
  width: number;
  height: number;
}

export type RenditionFormat = 'webp' | 'jpg';

/** The widths Catalog renders; any other width is not an image. */
export const RENDITION_WIDTHS = [160, 320, 480, 640, 960, 1280, 1600] as const;

/** Product cards are a quarter to a half of the page wide: these two widths cover them at 1x and 2x. */
export const CARD_WIDTHS = [320, 480] as const;

export const DEFAULT_CATALOG_URL = 'http://127.0.0.1:5101';

export function renditionUrl(mediaId: string, width: number, format: RenditionFormat = 'webp'): string {
  return `/media/${encodeURIComponent(mediaId)}/${width}.${format}`;
}

interface OfferedWidth {
  /** The width in the rendition's path. */
  asked: number;
  /** The width of the image that path serves. */
  actual: number;
}

/**
 * The widths worth offering for an image: those it fills (a narrower original is served as it is, so the smallest
 * stands for it, described with the original's own width).
 */
function offeredWidths(media: ProductMedia, widths: readonly number[]): OfferedWidth[] {
  const fitting = widths.filter((width) => width <= media.width);
  if (fitting.length > 0) return fitting.map((width) => ({ asked: width, actual: width }));
  const smallest = widths[0] ?? RENDITION_WIDTHS[0];
  return [{ asked: smallest, actual: Math.min(media.width, smallest) }];
}

/** The largest offered width up to `limit`, else the smallest. */
function largestUpTo(offered: readonly OfferedWidth[], limit: number): OfferedWidth {
  let choice = offered[0] ?? { asked: RENDITION_WIDTHS[0], actual: RENDITION_WIDTHS[0] };
  for (const width of offered) if (width.asked <= limit) choice = width;
  return choice;
}

/** `srcset` over the rendition widths the image fills. */
export function srcSet(media: ProductMedia, widths: readonly number[] = RENDITION_WIDTHS, format: RenditionFormat = 'webp'): string {
  return offeredWidths(media, widths)
    .map(({ asked, actual }) => `${renditionUrl(media.id, asked, format)} ${actual}w`)
    .join(', ');
}

/** The `src` for browsers without srcset: the largest offered width up to `preferred`. */
export function fallbackSrc(media: ProductMedia, preferred = 640, widths: readonly number[] = RENDITION_WIDTHS, format: RenditionFormat = 'webp'): string {
  return renditionUrl(media.id, largestUpTo(offeredWidths(media, widths), preferred).asked, format);
}

/** The image as shared on social sites: a JPEG (every crawler reads it) of up to 1280 pixels, with its real size. */
export function openGraphImage(media: ProductMedia, origin: string): { url: string; width: number; height: number; alt?: string } {
  const choice = largestUpTo(offeredWidths(media, RENDITION_WIDTHS), 1280);
  return {
    url: `${origin}${renditionUrl(media.id, choice.asked, 'jpg')}`,
    width: choice.actual,
    height: Math.max(1, Math.round((media.height * choice.actual) / media.width)),
    ...(media.alt ? { alt: media.alt } : {}),
  };
}

const MEDIA_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RENDITION = /^([1-9]\d{2,3})\.(webp|jpg)$/;

/** The Catalog path of a rendition the storefront was asked for, or null when the path cannot name one. */
export function catalogMediaPath(mediaId: string, rendition: string): string | null {
  const match = RENDITION.exec(rendition);
  if (!MEDIA_ID.test(mediaId) || !match || !(RENDITION_WIDTHS as readonly number[]).includes(Number(match[1]))) return null;
  return `/media/${mediaId.toLowerCase()}/${rendition}`;
}

export function catalogUrlFromEnvironment(env: Environment = process.env): string {
  return (env.CATALOG_URL?.trim() || DEFAULT_CATALOG_URL).replace(/\/+$/, '');
}

/** Catalog's answer headers a browser needs: the type, length, and the year-long immutable caching with its ETag. */
export const FORWARDED_MEDIA_HEADERS = ['content-type', 'content-length', 'cache-control', 'etag'] as const;
