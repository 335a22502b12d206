/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type CategoryCreateInput = {
  /** HTML, sanitised like a product's; at most 5000 characters. */
  description?: string | null | undefined;
  /** At most 200 characters. */
  name: string;
  /** None: a root category. */
  parentId?: string | null | undefined;
  /** 1 to 120 lower-case letters, digits and single hyphens; made from the name when left out. */
  slug?: string | null | undefined;
};

export type CategoryUpdateInput = {
  description?: string | null | undefined;
  name?: string | null | undefined;
  slug?: string | null | undefined;
};

export type CollectionInput = {
  /** HTML, sanitised like a product's. */
  description?: string | null | undefined;
  kind: CollectionKind;
  /** For MANUAL: its first products, in order (at most 250). */
  productIds?: Array<string> | null | undefined;
  /** For RULES. */
  rules?: CollectionRulesInput | null | undefined;
  /** 1 to 120 lower-case letters, digits and single hyphens; unique among the store's collections. */
  slug: string;
  /** At most 200 characters. */
  title: string;
};

export type CollectionKind =
  | 'MANUAL'
  | 'RULES';

export type CollectionRuleConditionInput = {
  field: CollectionRuleField;
  operator: CollectionRuleOperator;
  /** At most 200 characters; a price in minor units, a category's id, true or false for COMPARE_AT. */
  value: string;
};

/** TAG (EQUALS, NOT_EQUALS), BRAND and PRODUCT_TYPE (EQUALS, NOT_EQUALS, CONTAINS; any letter case), PRICE: the lowest variant price in minor units (EQUALS, NOT_EQUALS, LESS_THAN, GREATER_THAN), COMPARE_AT: on sale, true or false (EQUALS), CATEGORY: a category's id, its subcategories included (EQUALS, NOT_EQUALS), TITLE (CONTAINS). */
export type CollectionRuleField =
  | 'BRAND'
  | 'CATEGORY'
  | 'COMPARE_AT'
  | 'PRICE'
  | 'PRODUCT_TYPE'
  | 'TAG'
  | 'TITLE';

/** ALL: every condition holds; ANY: at least one does. */
export type CollectionRuleMatch =
  | 'ALL'
  | 'ANY';

export type CollectionRuleOperator =
  | 'CONTAINS'
  | 'EQUALS'
  | 'GREATER_THAN'
  | 'LESS_THAN'
  | 'NOT_EQUALS';

export type CollectionRulesInput = {
  /** 1 to 20. */
  conditions: Array<CollectionRuleConditionInput>;
  match: CollectionRuleMatch;
};

export type CollectionUpdateInput = {
  description?: string | null | undefined;
  /** Replaces a rule collection's rules. */
  rules?: CollectionRulesInput | null | undefined;
  slug?: string | null | undefined;
  title?: string | null | undefined;
};

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

/** NEWEST first (the default), OLDEST first, TITLE A to Z, TITLE_DESCENDING Z to A, RECENTLY_UPDATED: last edited first. */
export type ProductSort =
  | 'NEWEST'
  | 'OLDEST'
  | 'RECENTLY_UPDATED'
  | 'TITLE'
  | 'TITLE_DESCENDING';

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

/** By the catalog's copy of Inventory's counts, over every location. OUT_OF_STOCK: no variant can be sold; LOW_STOCK: some can, but a variant is down to 5 units or fewer; IN_STOCK: every variant has more. */
export type StockState =
  | 'IN_STOCK'
  | 'LOW_STOCK'
  | 'OUT_OF_STOCK';

export type CategoryNodeFragment = { id: string, slug: string, name: string };

export type CategoryTreeQueryVariables = Exact<{ [key: string]: never; }>;


export type CategoryTreeQuery = { categories: Array<{ id: string, slug: string, name: string, children: Array<{ id: string, slug: string, name: string, children: Array<{ id: string, slug: string, name: string, children: Array<{ id: string, slug: string, name: string }> }> }> }> };

export type CategoryCreateMutationVariables = Exact<{
  input: CategoryCreateInput;
}>;


export type CategoryCreateMutation = { categoryCreate: { id: string } };

export type CategoryUpdateMutationVariables = Exact<{
  id: string;
  input: CategoryUpdateInput;
}>;


export type CategoryUpdateMutation = { categoryUpdate: { id: string } };

export type CategoryMoveMutationVariables = Exact<{
  id: string;
  parentId?: string | null | undefined;
  position: number;
}>;


export type CategoryMoveMutation = { categoryMove: { id: string } };

export type CategoryDeleteMutationVariables = Exact<{
  id: string;
  productsTo?: string | null | undefined;
}>;


export type CategoryDeleteMutation = { categoryDelete: { deletedCategoryId: string } };

export type CollectionRulesFieldsFragment = { match: CollectionRuleMatch, conditions: Array<{ field: CollectionRuleField, operator: CollectionRuleOperator, value: string }> };

export type CollectionSummaryFragment = { id: string, slug: string, title: string, kind: CollectionKind, rules: { match: CollectionRuleMatch, conditions: Array<{ field: CollectionRuleField, operator: CollectionRuleOperator, value: string }> } | null };

export type CollectionsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CollectionsQuery = { collections: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, slug: string, title: string, kind: CollectionKind, rules: { match: CollectionRuleMatch, conditions: Array<{ field: CollectionRuleField, operator: CollectionRuleOperator, value: string }> } | null }> } };

export type CollectionQueryVariables = Exact<{
  slug: string;
}>;


export type CollectionQuery = { collection: { description: string, version: number, id: string, slug: string, title: string, kind: CollectionKind, products: { totalCount: number, nodes: Array<{ id: string, name: string, slug: string }> }, rules: { match: CollectionRuleMatch, conditions: Array<{ field: CollectionRuleField, operator: CollectionRuleOperator, value: string }> } | null } | null };

export type CollectionCreateMutationVariables = Exact<{
  input: CollectionInput;
}>;


export type CollectionCreateMutation = { collectionCreate: { id: string, slug: string } };

export type CollectionUpdateMutationVariables = Exact<{
  id: string;
  version?: number | null | undefined;
  input: CollectionUpdateInput;
}>;


export type CollectionUpdateMutation = { collectionUpdate: { id: string, slug: string, version: number } };

export type CollectionDeleteMutationVariables = Exact<{
  id: string;
}>;


export type CollectionDeleteMutation = { collectionDelete: { deletedCollectionId: string } };

export type CollectionProductsAddMutationVariables = Exact<{
  id: string;
  productIds: Array<string> | string;
}>;


export type CollectionProductsAddMutation = { collectionProductsAdd: { id: string } };

export type CollectionProductsRemoveMutationVariables = Exact<{
  id: string;
  productIds: Array<string> | string;
}>;


export type CollectionProductsRemoveMutation = { collectionProductsRemove: { id: string } };

export type CollectionProductsReorderMutationVariables = Exact<{
  id: string;
  productIds: Array<string> | string;
}>;


export type CollectionProductsReorderMutation = { collectionProductsReorder: { id: string } };

export type CollectionRulesPreviewQueryVariables = Exact<{
  rules: CollectionRulesInput;
}>;


export type CollectionRulesPreviewQuery = { collectionRulesPreview: { count: number, publishedCount: number } };

export type ProductMediaItemFragment = { id: string, alt: string, position: number, width: number, height: number, thumbnail: string };

export type ProductMediaQueryVariables = Exact<{
  id: string;
}>;


export type ProductMediaQuery = { adminProduct: { id: string, media: Array<{ id: string, alt: string, position: number, width: number, height: number, thumbnail: string }>, variants: Array<{ id: string, image: { id: string } | null }> } | null };

export type ProductMediaUpdateMutationVariables = Exact<{
  id: string;
  alt: string;
}>;


export type ProductMediaUpdateMutation = { productMediaUpdate: { id: string, alt: string } };

export type ProductMediaReorderMutationVariables = Exact<{
  productId: string;
  mediaIds: Array<string> | string;
}>;


export type ProductMediaReorderMutation = { productMediaReorder: { id: string } };

export type ProductMediaDeleteMutationVariables = Exact<{
  id: string;
}>;


export type ProductMediaDeleteMutation = { productMediaDelete: { deletedMediaId: string } };

export type ProductVariantImageSetMutationVariables = Exact<{
  variantId: string;
  mediaId?: string | null | undefined;
}>;


export type ProductVariantImageSetMutation = { productVariantImageSet: { id: string } };

export type ProductListItemFragment = { id: string, slug: string, name: string, status: ProductStatus, isPublished: boolean, publishAt: string | null, unpublishAt: string | null, brand: string | null, productType: string | null, tags: Array<string>, updatedAt: string, version: number, category: { id: string, slug: string, name: string } | null, priceFrom: { amount: number, currency: string }, variants: Array<{ id: string, sku: string }> };

export type AdminProductsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: ProductStatus | null | undefined;
  tag?: string | null | undefined;
  brand?: string | null | undefined;
  categorySlug?: string | null | undefined;
  search?: string | null | undefined;
  collection?: string | null | undefined;
  stockState?: StockState | null | undefined;
  sort?: ProductSort | null | undefined;
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
export const CollectionRulesFieldsFragmentDoc = new TypedDocumentString(`
    fragment CollectionRulesFields on CollectionRules {
  match
  conditions {
    field
    operator
    value
  }
}
    `, {"fragmentName":"CollectionRulesFields"}) as unknown as TypedDocumentString<CollectionRulesFieldsFragment, unknown>;
export const CollectionSummaryFragmentDoc = new TypedDocumentString(`
    fragment CollectionSummary on Collection {
  id
  slug
  title
  kind
  rules {
    ...CollectionRulesFields
  }
}
    fragment CollectionRulesFields on CollectionRules {
  match
  conditions {
    field
    operator
    value
  }
}`, {"fragmentName":"CollectionSummary"}) as unknown as TypedDocumentString<CollectionSummaryFragment, unknown>;
export const ProductMediaItemFragmentDoc = new TypedDocumentString(`
    fragment ProductMediaItem on ProductMedia {
  id
  alt
  position
  width
  height
  thumbnail: url(width: 320)
}
    `, {"fragmentName":"ProductMediaItem"}) as unknown as TypedDocumentString<ProductMediaItemFragment, unknown>;
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
export const CategoryCreateDocument = new TypedDocumentString(`
    mutation CategoryCreate($input: CategoryCreateInput!) {
  categoryCreate(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CategoryCreateMutation, CategoryCreateMutationVariables>;
export const CategoryUpdateDocument = new TypedDocumentString(`
    mutation CategoryUpdate($id: ID!, $input: CategoryUpdateInput!) {
  categoryUpdate(id: $id, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CategoryUpdateMutation, CategoryUpdateMutationVariables>;
export const CategoryMoveDocument = new TypedDocumentString(`
    mutation CategoryMove($id: ID!, $parentId: ID, $position: Int!) {
  categoryMove(id: $id, parentId: $parentId, position: $position) {
    id
  }
}
    `) as unknown as TypedDocumentString<CategoryMoveMutation, CategoryMoveMutationVariables>;
export const CategoryDeleteDocument = new TypedDocumentString(`
    mutation CategoryDelete($id: ID!, $productsTo: ID) {
  categoryDelete(id: $id, productsTo: $productsTo) {
    deletedCategoryId
  }
}
    `) as unknown as TypedDocumentString<CategoryDeleteMutation, CategoryDeleteMutationVariables>;
export const CollectionsDocument = new TypedDocumentString(`
    query Collections($first: Int, $after: String) {
  collections(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...CollectionSummary
    }
  }
}
    fragment CollectionRulesFields on CollectionRules {
  match
  conditions {
    field
    operator
    value
  }
}
fragment CollectionSummary on Collection {
  id
  slug
  title
  kind
  rules {
    ...CollectionRulesFields
  }
}`) as unknown as TypedDocumentString<CollectionsQuery, CollectionsQueryVariables>;
export const CollectionDocument = new TypedDocumentString(`
    query Collection($slug: String!) {
  collection(slug: $slug) {
    ...CollectionSummary
    description
    version
    products(first: 100, includeUnpublished: true) {
      totalCount
      nodes {
        id
        name
        slug
      }
    }
  }
}
    fragment CollectionRulesFields on CollectionRules {
  match
  conditions {
    field
    operator
    value
  }
}
fragment CollectionSummary on Collection {
  id
  slug
  title
  kind
  rules {
    ...CollectionRulesFields
  }
}`) as unknown as TypedDocumentString<CollectionQuery, CollectionQueryVariables>;
export const CollectionCreateDocument = new TypedDocumentString(`
    mutation CollectionCreate($input: CollectionInput!) {
  collectionCreate(input: $input) {
    id
    slug
  }
}
    `) as unknown as TypedDocumentString<CollectionCreateMutation, CollectionCreateMutationVariables>;
export const CollectionUpdateDocument = new TypedDocumentString(`
    mutation CollectionUpdate($id: ID!, $version: Long, $input: CollectionUpdateInput!) {
  collectionUpdate(id: $id, version: $version, input: $input) {
    id
    slug
    version
  }
}
    `) as unknown as TypedDocumentString<CollectionUpdateMutation, CollectionUpdateMutationVariables>;
export const CollectionDeleteDocument = new TypedDocumentString(`
    mutation CollectionDelete($id: ID!) {
  collectionDelete(id: $id) {
    deletedCollectionId
  }
}
    `) as unknown as TypedDocumentString<CollectionDeleteMutation, CollectionDeleteMutationVariables>;
export const CollectionProductsAddDocument = new TypedDocumentString(`
    mutation CollectionProductsAdd($id: ID!, $productIds: [ID!]!) {
  collectionProductsAdd(id: $id, productIds: $productIds) {
    id
  }
}
    `) as unknown as TypedDocumentString<CollectionProductsAddMutation, CollectionProductsAddMutationVariables>;
export const CollectionProductsRemoveDocument = new TypedDocumentString(`
    mutation CollectionProductsRemove($id: ID!, $productIds: [ID!]!) {
  collectionProductsRemove(id: $id, productIds: $productIds) {
    id
  }
}
    `) as unknown as TypedDocumentString<CollectionProductsRemoveMutation, CollectionProductsRemoveMutationVariables>;
export const CollectionProductsReorderDocument = new TypedDocumentString(`
    mutation CollectionProductsReorder($id: ID!, $productIds: [ID!]!) {
  collectionProductsReorder(id: $id, productIds: $productIds) {
    id
  }
}
    `) as unknown as TypedDocumentString<CollectionProductsReorderMutation, CollectionProductsReorderMutationVariables>;
export const CollectionRulesPreviewDocument = new TypedDocumentString(`
    query CollectionRulesPreview($rules: CollectionRulesInput!) {
  collectionRulesPreview(rules: $rules) {
    count
    publishedCount
  }
}
    `) as unknown as TypedDocumentString<CollectionRulesPreviewQuery, CollectionRulesPreviewQueryVariables>;
export const ProductMediaDocument = new TypedDocumentString(`
    query ProductMedia($id: ID!) {
  adminProduct(id: $id) {
    id
    media {
      ...ProductMediaItem
    }
    variants {
      id
      image {
        id
      }
    }
  }
}
    fragment ProductMediaItem on ProductMedia {
  id
  alt
  position
  width
  height
  thumbnail: url(width: 320)
}`) as unknown as TypedDocumentString<ProductMediaQuery, ProductMediaQueryVariables>;
export const ProductMediaUpdateDocument = new TypedDocumentString(`
    mutation ProductMediaUpdate($id: ID!, $alt: String!) {
  productMediaUpdate(id: $id, alt: $alt) {
    id
    alt
  }
}
    `) as unknown as TypedDocumentString<ProductMediaUpdateMutation, ProductMediaUpdateMutationVariables>;
export const ProductMediaReorderDocument = new TypedDocumentString(`
    mutation ProductMediaReorder($productId: ID!, $mediaIds: [ID!]!) {
  productMediaReorder(productId: $productId, mediaIds: $mediaIds) {
    id
  }
}
    `) as unknown as TypedDocumentString<ProductMediaReorderMutation, ProductMediaReorderMutationVariables>;
export const ProductMediaDeleteDocument = new TypedDocumentString(`
    mutation ProductMediaDelete($id: ID!) {
  productMediaDelete(id: $id) {
    deletedMediaId
  }
}
    `) as unknown as TypedDocumentString<ProductMediaDeleteMutation, ProductMediaDeleteMutationVariables>;
export const ProductVariantImageSetDocument = new TypedDocumentString(`
    mutation ProductVariantImageSet($variantId: ID!, $mediaId: ID) {
  productVariantImageSet(variantId: $variantId, mediaId: $mediaId) {
    id
  }
}
    `) as unknown as TypedDocumentString<ProductVariantImageSetMutation, ProductVariantImageSetMutationVariables>;
export const AdminProductsDocument = new TypedDocumentString(`
    query AdminProducts($first: Int, $after: String, $status: ProductStatus, $tag: String, $brand: String, $categorySlug: String, $search: String, $collection: ID, $stockState: StockState, $sort: ProductSort) {
  adminProducts(
    first: $first
    after: $after
    status: $status
    tag: $tag
    brand: $brand
    categorySlug: $categorySlug
    search: $search
    collection: $collection
    stockState: $stockState
    sort: $sort
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