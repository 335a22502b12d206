/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type OptionValueInput = {
  name: string;
  value: string;
};

export type ProductBulkAction =
  | 'ADD_TAG'
  | 'ARCHIVE'
  | 'DELETE'
  | 'MOVE_TO_CATEGORY'
  | 'PUBLISH'
  | 'REMOVE_TAG';

export type ProductInput = {
  brand?: string | null | undefined;
  /** The primary category. */
  categorySlug?: string | null | undefined;
  /** Every category; the primary is added when missing. */
  categorySlugs?: Array<string> | null | undefined;
  /** HTML, sanitised: formatting, lists, links and tables stay; scripts, styles and event handlers go. */
  description?: string | null | undefined;
  /** At most 200 characters. */
  name: string;
  /** Up to 3; when left out, the options the variants name. */
  options?: Array<ProductOptionInput> | null | undefined;
  productType?: string | null | undefined;
  publishAt?: string | null | undefined;
  /** At most 320 characters. */
  seoDescription?: string | null | undefined;
  /** At most 70 characters. */
  seoTitle?: string | null | undefined;
  /** 1 to 120 lower-case letters, digits and single hyphens; unique in the store. */
  slug: string;
  /** Default DRAFT. */
  status?: ProductStatus | null | undefined;
  /** At most 25, each 1 to 40 characters; stored trimmed, lower case, each once. */
  tags?: Array<string> | null | undefined;
  unpublishAt?: string | null | undefined;
  variants: Array<ProductVariantInput>;
};

export type ProductOptionInput = {
  /** Such as Size; at most 50 characters. */
  name: string;
  /** In display order. */
  values: Array<string>;
};

/** DRAFT and ARCHIVED products are the merchant's own; ACTIVE ones are for sale inside their publishing window. */
export type ProductStatus =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'DRAFT';

export type ProductVariantInput = {
  barcode?: string | null | undefined;
  /** The "was" price in minor units; not below the price. */
  compareAtPriceAmount?: number | null | undefined;
  /** What one costs the merchant, in minor units. */
  costAmount?: number | null | undefined;
  /** The store's currency (ISO 4217). */
  currency: string;
  /** One value for each of the product's options. */
  options?: Array<OptionValueInput> | null | undefined;
  /** Minor units (cents). */
  priceAmount: number;
  /** Unique in the store, across products. */
  sku: string;
  title: string;
  weightGrams?: number | null | undefined;
};

export type CategoryNodeFragment = { id: string, slug: string, name: string };

export type CategoryTreeQueryVariables = Exact<{ [key: string]: never; }>;


export type CategoryTreeQuery = { categories: Array<{ id: string, slug: string, name: string, children: Array<{ id: string, slug: string, name: string, children: Array<{ id: string, slug: string, name: string, children: Array<{ id: string, slug: string, name: string }> }> }> }> };

export type ProductListItemFragment = { id: string, slug: string, name: string, status: ProductStatus, isPublished: boolean, publishAt: string | null, unpublishAt: string | null, brand: string | null, productType: string | null, tags: Array<string>, updatedAt: string, version: number, category: { id: string, slug: string, name: string } | null, priceFrom: { amount: number, currency: string }, variants: Array<{ id: string, sku: string }> };

export type AdminProductsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: ProductStatus | null | undefined;
  tag?: string | null | undefined;
  brand?: string | null | undefined;
  categorySlug?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type AdminProductsQuery = { adminProducts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, slug: string, name: string, status: ProductStatus, isPublished: boolean, publishAt: string | null, unpublishAt: string | null, brand: string | null, productType: string | null, tags: Array<string>, updatedAt: string, version: number, category: { id: string, slug: string, name: string } | null, priceFrom: { amount: number, currency: string }, variants: Array<{ id: string, sku: string }> }> } };

export type ProductDetailFragment = { id: string, slug: string, name: string, description: string, status: ProductStatus, isPublished: boolean, publishAt: string | null, unpublishAt: string | null, brand: string | null, productType: string | null, tags: Array<string>, seoTitle: string | null, seoDescription: string | null, version: number, updatedAt: string, category: { id: string, slug: string, name: string } | null, categories: Array<{ id: string, slug: string, name: string }>, options: Array<{ name: string, values: Array<string> }>, variants: Array<{ id: string, sku: string, title: string, position: number, barcode: string | null, weightGrams: number | null, options: Array<{ name: string, value: string }>, price: { amount: number, currency: string }, compareAtPrice: { amount: number } | null, cost: { amount: number } | null }> };

export type AdminProductQueryVariables = Exact<{
  id: string;
}>;


export type AdminProductQuery = { adminProduct: { id: string, slug: string, name: string, description: string, status: ProductStatus, isPublished: boolean, publishAt: string | null, unpublishAt: string | null, brand: string | null, productType: string | null, tags: Array<string>, seoTitle: string | null, seoDescription: string | null, version: number, updatedAt: string, category: { id: string, slug: string, name: string } | null, categories: Array<{ id: string, slug: string, name: string }>, options: Array<{ name: string, values: Array<string> }>, variants: Array<{ id: string, sku: string, title: string, position: number, barcode: string | null, weightGrams: number | null, options: Array<{ name: string, value: string }>, price: { amount: number, currency: string }, compareAtPrice: { amount: number } | null, cost: { amount: number } | null }> } | null };

export type ProductCreateMutationVariables = Exact<{
  input: ProductInput;
}>;


export type ProductCreateMutation = { productCreate: { id: string, slug: string, name: string, description: string, status: ProductStatus, isPublished: boolean, publishAt: string | null, unpublishAt: string | null, brand: string | null, productType: string | null, tags: Array<string>, seoTitle: string | null, seoDescription: string | null, version: number, updatedAt: string, category: { id: string, slug: string, name: string } | null, categories: Array<{ id: string, slug: string, name: string }>, options: Array<{ name: string, values: Array<string> }>, variants: Array<{ id: string, sku: string, title: string, position: number, barcode: string | null, weightGrams: number | null, options: Array<{ name: string, value: string }>, price: { amount: number, currency: string }, compareAtPrice: { amount: number } | null, cost: { amount: number } | null }> } };

export type ProductUpdateMutationVariables = Exact<{
  id: string;
  version: number;
  input: ProductInput;
}>;


export type ProductUpdateMutation = { productUpdate: { id: string, slug: string, name: string, description: string, status: ProductStatus, isPublished: boolean, publishAt: string | null, unpublishAt: string | null, brand: string | null, productType: string | null, tags: Array<string>, seoTitle: string | null, seoDescription: string | null, version: number, updatedAt: string, category: { id: string, slug: string, name: string } | null, categories: Array<{ id: string, slug: string, name: string }>, options: Array<{ name: string, values: Array<string> }>, variants: Array<{ id: string, sku: string, title: string, position: number, barcode: string | null, weightGrams: number | null, options: Array<{ name: string, value: string }>, price: { amount: number, currency: string }, compareAtPrice: { amount: number } | null, cost: { amount: number } | null }> } };

export type ProductArchiveMutationVariables = Exact<{
  id: string;
  version?: number | null | undefined;
}>;


export type ProductArchiveMutation = { productArchive: { id: string, status: ProductStatus, version: number } };

export type ProductRestoreMutationVariables = Exact<{
  id: string;
  version?: number | null | undefined;
}>;


export type ProductRestoreMutation = { productRestore: { id: string, status: ProductStatus, version: number } };

export type ProductDeleteMutationVariables = Exact<{
  id: string;
  version?: number | null | undefined;
}>;


export type ProductDeleteMutation = { productDelete: { deletedProductId: string } };

export type ProductsBulkMutationVariables = Exact<{
  action: ProductBulkAction;
  ids: Array<string> | string;
  tag?: string | null | undefined;
  categorySlug?: string | null | undefined;
}>;


export type ProductsBulkMutation = { productsBulk: Array<{ productId: string, ok: boolean, code: string | null, message: string | null, version: number | null }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CategoryNodeFragmentDoc = new TypedDocumentString(`
    fragment CategoryNode on Category {
  id
  slug
  name
}
    `, {"fragmentName":"CategoryNode"}) as unknown as TypedDocumentString<CategoryNodeFragment, unknown>;
export const ProductListItemFragmentDoc = new TypedDocumentString(`
    fragment ProductListItem on Product {
  id
  slug
  name
  status
  isPublished
  publishAt
  unpublishAt
  brand
  productType
  tags
  updatedAt
  version
  category {
    id
    slug
    name
  }
  priceFrom {
    amount
    currency
  }
  variants {
    id
    sku
  }
}
    `, {"fragmentName":"ProductListItem"}) as unknown as TypedDocumentString<ProductListItemFragment, unknown>;
export const ProductDetailFragmentDoc = new TypedDocumentString(`
    fragment ProductDetail on Product {
  id
  slug
  name
  description
  status
  isPublished
  publishAt
  unpublishAt
  brand
  productType
  tags
  seoTitle
  seoDescription
  version
  updatedAt
  category {
    id
    slug
    name
  }
  categories {
    id
    slug
    name
  }
  options {
    name
    values
  }
  variants {
    id
    sku
    title
    position
    barcode
    weightGrams
    options {
      name
      value
    }
    price {
      amount
      currency
    }
    compareAtPrice {
      amount
    }
    cost {
      amount
    }
  }
}
    `, {"fragmentName":"ProductDetail"}) as unknown as TypedDocumentString<ProductDetailFragment, unknown>;
export const CategoryTreeDocument = new TypedDocumentString(`
    query CategoryTree {
  categories {
    ...CategoryNode
    children {
      ...CategoryNode
      children {
        ...CategoryNode
        children {
          ...CategoryNode
        }
      }
    }
  }
}
    fragment CategoryNode on Category {
  id
  slug
  name
}`) as unknown as TypedDocumentString<CategoryTreeQuery, CategoryTreeQueryVariables>;
export const AdminProductsDocument = new TypedDocumentString(`
    query AdminProducts($first: Int, $after: String, $status: ProductStatus, $tag: String, $brand: String, $categorySlug: String, $search: String) {
  adminProducts(
    first: $first
    after: $after
    status: $status
    tag: $tag
    brand: $brand
    categorySlug: $categorySlug
    search: $search
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...ProductListItem
    }
  }
}
    fragment ProductListItem on Product {
  id
  slug
  name
  status
  isPublished
  publishAt
  unpublishAt
  brand
  productType
  tags
  updatedAt
  version
  category {
    id
    slug
    name
  }
  priceFrom {
    amount
    currency
  }
  variants {
    id
    sku
  }
}`) as unknown as TypedDocumentString<AdminProductsQuery, AdminProductsQueryVariables>;
export const AdminProductDocument = new TypedDocumentString(`
    query AdminProduct($id: ID!) {
  adminProduct(id: $id) {
    ...ProductDetail
  }
}
    fragment ProductDetail on Product {
  id
  slug
  name
  description
  status
  isPublished
  publishAt
  unpublishAt
  brand
  productType
  tags
  seoTitle
  seoDescription
  version
  updatedAt
  category {
    id
    slug
    name
  }
  categories {
    id
    slug
    name
  }
  options {
    name
    values
  }
  variants {
    id
    sku
    title
    position
    barcode
    weightGrams
    options {
      name
      value
    }
    price {
      amount
      currency
    }
    compareAtPrice {
      amount
    }
    cost {
      amount
    }
  }
}`) as unknown as TypedDocumentString<AdminProductQuery, AdminProductQueryVariables>;
export const ProductCreateDocument = new TypedDocumentString(`
    mutation ProductCreate($input: ProductInput!) {
  productCreate(input: $input) {
    ...ProductDetail
  }
}
    fragment ProductDetail on Product {
  id
  slug
  name
  description
  status
  isPublished
  publishAt
  unpublishAt
  brand
  productType
  tags
  seoTitle
  seoDescription
  version
  updatedAt
  category {
    id
    slug
    name
  }
  categories {
    id
    slug
    name
  }
  options {
    name
    values
  }
  variants {
    id
    sku
    title
    position
    barcode
    weightGrams
    options {
      name
      value
    }
    price {
      amount
      currency
    }
    compareAtPrice {
      amount
    }
    cost {
      amount
    }
  }
}`) as unknown as TypedDocumentString<ProductCreateMutation, ProductCreateMutationVariables>;
export const ProductUpdateDocument = new TypedDocumentString(`
    mutation ProductUpdate($id: ID!, $version: Long!, $input: ProductInput!) {
  productUpdate(id: $id, version: $version, input: $input) {
    ...ProductDetail
  }
}
    fragment ProductDetail on Product {
  id
  slug
  name
  description
  status
  isPublished
  publishAt
  unpublishAt
  brand
  productType
  tags
  seoTitle
  seoDescription
  version
  updatedAt
  category {
    id
    slug
    name
  }
  categories {
    id
    slug
    name
  }
  options {
    name
    values
  }
  variants {
    id
    sku
    title
    position
    barcode
    weightGrams
    options {
      name
      value
    }
    price {
      amount
      currency
    }
    compareAtPrice {
      amount
    }
    cost {
      amount
    }
  }
}`) as unknown as TypedDocumentString<ProductUpdateMutation, ProductUpdateMutationVariables>;
export const ProductArchiveDocument = new TypedDocumentString(`
    mutation ProductArchive($id: ID!, $version: Long) {
  productArchive(id: $id, version: $version) {
    id
    status
    version
  }
}
    `) as unknown as TypedDocumentString<ProductArchiveMutation, ProductArchiveMutationVariables>;
export const ProductRestoreDocument = new TypedDocumentString(`
    mutation ProductRestore($id: ID!, $version: Long) {
  productRestore(id: $id, version: $version) {
    id
    status
    version
  }
}
    `) as unknown as TypedDocumentString<ProductRestoreMutation, ProductRestoreMutationVariables>;
export const ProductDeleteDocument = new TypedDocumentString(`
    mutation ProductDelete($id: ID!, $version: Long) {
  productDelete(id: $id, version: $version) {
    deletedProductId
  }
}
    `) as unknown as TypedDocumentString<ProductDeleteMutation, ProductDeleteMutationVariables>;
export const ProductsBulkDocument = new TypedDocumentString(`
    mutation ProductsBulk($action: ProductBulkAction!, $ids: [ID!]!, $tag: String, $categorySlug: String) {
  productsBulk(action: $action, ids: $ids, tag: $tag, categorySlug: $categorySlug) {
    productId
    ok
    code
    message
    version
  }
}
    `) as unknown as TypedDocumentString<ProductsBulkMutation, ProductsBulkMutationVariables>;