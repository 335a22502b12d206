import { cache } from 'react';
import { queryGateway } from './gateway';
import type { ProductMedia } from './media';
import type { Money } from './money';

export interface Availability {
  inStock: boolean;
  quantityAvailable: number;
}

export interface CategoryLink {
  id: string;
  slug: string;
  name: string;
}

export interface CategoryTreeNode extends CategoryLink {
  children: CategoryTreeNode[];
}

export interface CategoryWithAncestors extends CategoryLink {
  parent: CategoryWithAncestors | null;
}

export interface CategoryDetail extends CategoryWithAncestors {
  children: CategoryLink[];
}

export interface ProductSummary {
  id: string;
  slug: string;
  name: string;
  priceFrom: Money;
  availability: Availability;
  /** In display order; the first is the product's main image. */
  media: ProductMedia[];
}

export interface ProductPage {
  nodes: ProductSummary[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface OptionValue {
  name: string;
  value: string;
}

export interface ProductVariant {
  id: string;
  sku: string;
  title: string;
  options: OptionValue[];
  price: Money;
  /** The "was" price, shown struck through when above the price. */
  compareAtPrice: Money | null;
  availability: Availability;
  /** The image that shows this variant, one of the product's media. */
  image: ProductMedia | null;
}

export interface ProductDetail extends ProductSummary {
  /** HTML, sanitised by the catalog when it was saved (no scripts, styles or event handlers). */
  description: string;
  brand: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  category: CategoryWithAncestors | null;
  variants: ProductVariant[];
}

// Breadcrumbs show up to three ancestors; deeper trees are rare in a storefront menu.
const ANCESTORS = `parent { id slug name parent { id slug name parent { id slug name } } }`;

const PRODUCT_SUMMARY = `
  fragment ProductSummary on Product {
    id slug name
    priceFrom { amount currency }
    availability { inStock quantityAvailable }
    media { ...ProductImage }
  }
  fragment ProductImage on ProductMedia { id alt width height }`;

const CATEGORY_TREE_QUERY = `
  query StorefrontCategoryTree {
    categories {
      id slug name
      children { id slug name children { id slug name children { id slug name } } }
    }
  }`;

const PRODUCTS_QUERY = `
  query StorefrontProducts($first: Int!, $after: String, $categorySlug: String) {
    products(first: $first, after: $after, categorySlug: $categorySlug) {
      nodes { ...ProductSummary }
      totalCount
      pageInfo { hasNextPage endCursor }
    }
  }
  ${PRODUCT_SUMMARY}`;

const CATEGORY_QUERY = `
  query StorefrontCategory($slug: String!) {
    category(slug: $slug) {
      id slug name
      ${ANCESTORS}
      children { id slug name }
    }
  }`;

const PRODUCT_QUERY = `
  query StorefrontProduct($slug: String!) {
    product(slug: $slug) {
      ...ProductSummary
      description
      brand
      seoTitle
      seoDescription
      category { id slug name ${ANCESTORS} }
      variants {
        id sku title
        options { name value }
        price { amount currency }
        compareAtPrice { amount currency }
        availability { inStock quantityAvailable }
        image { ...ProductImage }
      }
    }
  }
  ${PRODUCT_SUMMARY}`;

// React's cache() shares one result per request between a page and its generateMetadata;
// arguments are primitives so identical calls hit the same entry.

export const getCategoryTree = cache(async (merchantId: string): Promise<CategoryTreeNode[]> => {
  const data = await queryGateway<{ categories: CategoryTreeNode[] }>({
    operationName: 'StorefrontCategoryTree',
    query: CATEGORY_TREE_QUERY,
    merchantId,
  });
  return data.categories;
});

export const getProducts = cache(
  async (merchantId: string, first: number, after?: string, categorySlug?: string): Promise<ProductPage> => {
    const data = await queryGateway<{ products: ProductPage }>({
      operationName: 'StorefrontProducts',
      query: PRODUCTS_QUERY,
      variables: { first, after: after ?? null, categorySlug: categorySlug ?? null },
      merchantId,
    });
    return data.products;
  },
);

export const getCategory = cache(async (merchantId: string, slug: string): Promise<CategoryDetail | null> => {
  const data = await queryGateway<{ category: CategoryDetail | null }>({
    operationName: 'StorefrontCategory',
    query: CATEGORY_QUERY,
    variables: { slug },
    merchantId,
  });
  return data.category;
});

export const getProduct = cache(async (merchantId: string, slug: string): Promise<ProductDetail | null> => {
  const data = await queryGateway<{ product: ProductDetail | null }>({
    operationName: 'StorefrontProduct',
    query: PRODUCT_QUERY,
    variables: { slug },
    merchantId,
  });
  return data.product;
});

/** Ancestors of a category, root first. */
export function ancestorsOf(category: CategoryWithAncestors): CategoryLink[] {
  const chain: CategoryLink[] = [];
  for (let node = category.parent; node; node = node.parent) {
    chain.unshift({ id: node.id, slug: node.slug, name: node.name });
  }
  return chain;
}
