import { useQuery } from '@tanstack/react-query';
import { gql } from '../api/graphql';
import { CollectionsDocument } from '../gql/graphql';

/** The store's collections (the first 100, newest first): the collections screen and the product list's filter share them. */
export const COLLECTIONS_KEY = ['collections'] as const;

export function useCollectionList() {
  return useQuery({ queryKey: COLLECTIONS_KEY, queryFn: () => gql(CollectionsDocument, { first: 100 }) });
}
