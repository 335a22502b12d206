import { operation } from '../api/graphql';

/**
 * Operations on fields the Catalog service adds in a change of its own (product media, category and collection
 * editing), typed by hand from their published contract: they are not in the committed supergraph yet, so codegen
 * cannot check them. When they are, each moves into src/graphql/*.graphql and is generated like the others.
 * Arguments and selections keep to what the contract names; where it names no input shape, the plainest one is used.
 */

export interface ProductMedia {
  id: string;
  alt: string | null;
  position: number;
  width: number;
  height: number;
  /** A rendition's address (/media/{id}/{width}.webp), here the 320 px one. */
  thumbnail: string;
}

export const ProductMediaQuery = operation<
  { adminProduct: { id: string; media: ProductMedia[]; variants: { id: string; image: { id: string } | null }[] } | null },
  { id: string }
>(`query ProductMedia($id: ID!) {
  adminProduct(id: $id) {
    id
    media { id alt position width height thumbnail: url(width: 320) }
    variants { id image { id } }
  }
}`);

export const ProductMediaUpdate = operation<{ productMediaUpdate: { id: string; alt: string | null } }, { id: string; alt: string }>(
  `mutation ProductMediaUpdate($id: ID!, $alt: String!) { productMediaUpdate(id: $id, alt: $alt) { id alt } }`,
);

export const ProductMediaReorder = operation<{ productMediaReorder: { id: string } }, { productId: string; mediaIds: string[] }>(
  `mutation ProductMediaReorder($productId: ID!, $mediaIds: [ID!]!) { productMediaReorder(productId: $productId, mediaIds: $mediaIds) { id } }`,
);

export const ProductMediaDelete = operation<{ productMediaDelete: unknown }, { id: string }>(
  `mutation ProductMediaDelete($id: ID!) { productMediaDelete(id: $id) { __typename } }`,
);

export const ProductVariantImageSet = operation<{ productVariantImageSet: { id: string } }, { variantId: string; mediaId: string | null }>(
  `mutation ProductVariantImageSet($variantId: ID!, $mediaId: ID) { productVariantImageSet(variantId: $variantId, mediaId: $mediaId) { id } }`,
);

export interface CategoryInput {
  name: string;
  slug: string;
  parentId?: string | null;
}

export const CategoryCreate = operation<{ categoryCreate: { id: string } }, { input: CategoryInput }>(
  `mutation CategoryCreate($input: CategoryInput!) { categoryCreate(input: $input) { id } }`,
);

export const CategoryUpdate = operation<{ categoryUpdate: { id: string } }, { id: string; input: CategoryInput }>(
  `mutation CategoryUpdate($id: ID!, $input: CategoryInput!) { categoryUpdate(id: $id, input: $input) { id } }`,
);

export const CategoryMove = operation<{ categoryMove: { id: string } }, { id: string; parentId: string | null; position: number }>(
  `mutation CategoryMove($id: ID!, $parentId: ID, $position: Int!) { categoryMove(id: $id, parentId: $parentId, position: $position) { id } }`,
);

export const CategoryDelete = operation<{ categoryDelete: unknown }, { id: string; productsTo: string | null }>(
  `mutation CategoryDelete($id: ID!, $productsTo: ID) { categoryDelete(id: $id, productsTo: $productsTo) { __typename } }`,
);

/** A condition of an automatic collection: a product field, how it compares, and the value. */
export interface CollectionRule {
  field: string;
  operator: string;
  value: string;
}

export interface CollectionSummary {
  id: string;
  title: string;
  slug: string;
  rules: CollectionRule[] | null;
}

export interface CollectionDetail extends CollectionSummary {
  description: string | null;
  products: { nodes: { id: string; name: string; slug: string }[] };
}

export interface CollectionInput {
  title: string;
  slug: string;
  description?: string | null;
  /** Null for a manual collection (its products are picked); conditions all products must meet otherwise. */
  rules?: CollectionRule[] | null;
}

export const Collections = operation<{ collections: { nodes: CollectionSummary[] } }, { first: number }>(
  `query Collections($first: Int) { collections(first: $first) { nodes { id title slug rules { field operator value } } } }`,
);

export const CollectionQuery = operation<{ collection: CollectionDetail | null }, { id: string }>(
  `query Collection($id: ID!) {
  collection(id: $id) { id title slug description rules { field operator value } products(first: 100) { nodes { id name slug } } }
}`,
);

export const CollectionCreate = operation<{ collectionCreate: { id: string } }, { input: CollectionInput }>(
  `mutation CollectionCreate($input: CollectionInput!) { collectionCreate(input: $input) { id } }`,
);

export const CollectionUpdate = operation<{ collectionUpdate: { id: string } }, { id: string; input: CollectionInput }>(
  `mutation CollectionUpdate($id: ID!, $input: CollectionInput!) { collectionUpdate(id: $id, input: $input) { id } }`,
);

export const CollectionDelete = operation<{ collectionDelete: unknown }, { id: string }>(
  `mutation CollectionDelete($id: ID!) { collectionDelete(id: $id) { __typename } }`,
);

export const CollectionProductsAdd = operation<{ collectionProductsAdd: { id: string } }, { id: string; productIds: string[] }>(
  `mutation CollectionProductsAdd($id: ID!, $productIds: [ID!]!) { collectionProductsAdd(id: $id, productIds: $productIds) { id } }`,
);

export const CollectionProductsRemove = operation<{ collectionProductsRemove: { id: string } }, { id: string; productIds: string[] }>(
  `mutation CollectionProductsRemove($id: ID!, $productIds: [ID!]!) { collectionProductsRemove(id: $id, productIds: $productIds) { id } }`,
);

export const CollectionProductsReorder = operation<{ collectionProductsReorder: { id: string } }, { id: string; productIds: string[] }>(
  `mutation CollectionProductsReorder($id: ID!, $productIds: [ID!]!) { collectionProductsReorder(id: $id, productIds: $productIds) { id } }`,
);

export const CollectionRulesPreview = operation<{ collectionRulesPreview: { totalCount: number } }, { rules: CollectionRule[] }>(
  `query CollectionRulesPreview($rules: [CollectionRuleInput!]!) { collectionRulesPreview(rules: $rules) { totalCount } }`,
);

/** The CSV import job (POST /api/v1/imports answers 202 with its id; GET /api/v1/imports/{id} tells how far it is). */
export type ImportMode = 'dry-run' | 'all-or-nothing' | 'good-rows-only';

export interface ImportJob {
  id: string;
  status: string;
  processedRows?: number;
  totalRows?: number;
  errors?: { line: number; message: string; field?: string }[];
}
