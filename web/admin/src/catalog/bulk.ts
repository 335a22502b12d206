import type { ProductBulkAction } from '../gql/graphql';

/** The bulk actions of the product list, what each asks first, and what it needs besides the products. */
export const BULK_ACTIONS: { action: ProductBulkAction; label: string; needs?: 'tag' | 'category' }[] = [
  { action: 'PUBLISH', label: 'Publish' },
  { action: 'ARCHIVE', label: 'Archive' },
  { action: 'DELETE', label: 'Delete' },
  { action: 'ADD_TAG', label: 'Add tag', needs: 'tag' },
  { action: 'REMOVE_TAG', label: 'Remove tag', needs: 'tag' },
  { action: 'MOVE_TO_CATEGORY', label: 'Move to category', needs: 'category' },
];

/** The platform takes at most 250 products in one bulk action. */
export const BULK_LIMIT = 250;

export function bulkQuestion(action: ProductBulkAction, count: number, detail: string): string {
  const products = count === 1 ? '1 product' : `${count} products`;
  switch (action) {
    case 'PUBLISH':
      return `Publish ${products}? Shoppers see them inside their publishing window.`;
    case 'ARCHIVE':
      return `Archive ${products}? They leave the store.`;
    case 'DELETE':
      return `Delete ${products}? Only drafts and archived products can be deleted; this cannot be undone.`;
    case 'ADD_TAG':
      return `Add the tag "${detail}" to ${products}?`;
    case 'REMOVE_TAG':
      return `Remove the tag "${detail}" from ${products}?`;
    case 'MOVE_TO_CATEGORY':
      return `Move ${products} to ${detail}? It becomes their only category.`;
  }
}
