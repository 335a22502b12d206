import { describe, expect, it } from 'vitest';
import { catalogMediaPath, catalogUrlFromEnvironment, fallbackSrc, openGraphImage, renditionUrl, srcSet, type ProductMedia } from './media';

const ID = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const image = (width: number, height: number): ProductMedia => ({ id: ID, alt: 'Front', width, height });

describe('renditionUrl', () => {
  it('is the path Catalog serves, relative to the store’s origin', () => {
    expect(renditionUrl(ID, 640)).toBe(`/media/${ID}/640.webp`);
    expect(renditionUrl(ID, 1280, 'jpg')).toBe(`/media/${ID}/1280.jpg`);
  });
});

describe('srcSet', () => {
  it('offers every rendition width the original fills', () => {
    expect(srcSet(image(1000, 800))).toBe(
      [160, 320, 480, 640, 960].map((width) => `/media/${ID}/${width}.webp ${width}w`).join(', '),
    );
    expect(srcSet(image(4000, 3000)).split(', ')).toHaveLength(7);
  });

  it('keeps to the widths it is given', () => {
    expect(srcSet(image(1000, 800), [320, 480])).toBe(`/media/${ID}/320.webp 320w, /media/${ID}/480.webp 480w`);
  });

  it('describes an original narrower than every width with its own width', () => {
    expect(srcSet(image(100, 50))).toBe(`/media/${ID}/160.webp 100w`);
  });
});

describe('fallbackSrc', () => {
  it('is the largest offered width up to the preferred one', () => {
    expect(fallbackSrc(image(4000, 3000), 640)).toBe(`/media/${ID}/640.webp`);
    expect(fallbackSrc(image(500, 500), 640)).toBe(`/media/${ID}/480.webp`);
    expect(fallbackSrc(image(100, 100), 640)).toBe(`/media/${ID}/160.webp`);
  });
});

describe('openGraphImage', () => {
  it('is an absolute JPEG of up to 1280 pixels with its real size and alt text', () => {
    expect(openGraphImage(image(2000, 1000), 'https://shop.example')).toEqual({
      url: `https://shop.example/media/${ID}/1280.jpg`,
      width: 1280,
      height: 640,
      alt: 'Front',
    });
    expect(openGraphImage({ ...image(700, 700), alt: '' }, 'https://shop.example')).toEqual({
      url: `https://shop.example/media/${ID}/640.jpg`,
      width: 640,
      height: 640,
    });
  });
});

describe('catalogMediaPath', () => {
  it('passes on a rendition path', () => {
    expect(catalogMediaPath(ID, '640.webp')).toBe(`/media/${ID}/640.webp`);
    expect(catalogMediaPath(ID.toUpperCase(), '160.jpg')).toBe(`/media/${ID}/160.jpg`);
  });

  it('refuses anything that cannot name a rendition, without asking Catalog', () => {
    for (const [id, rendition] of <[string, string][]>[
      [ID, '500.webp'],
      [ID, '0640.webp'],
      [ID, '640.png'],
      [ID, '640'],
      [ID, '99999999999.webp'],
      ['not-an-id', '640.webp'],
      ['../../api/v1/products', '640.webp'],
      [`${ID}/..`, '640.webp'],
    ]) {
      expect(catalogMediaPath(id, rendition)).toBeNull();
    }
  });
});

describe('catalogUrlFromEnvironment', () => {
  it('reads CATALOG_URL, else the local default, without a trailing slash', () => {
    expect(catalogUrlFromEnvironment({ CATALOG_URL: 'http://catalog:8080/' })).toBe('http://catalog:8080');
    expect(catalogUrlFromEnvironment({})).toBe('http://127.0.0.1:5101');
  });
});
