import { useQuery } from '@tanstack/react-query';
import { gql } from '../api/graphql';
import { CategoryTreeDocument, type CategoryTreeQuery } from '../gql/graphql';

export const CATEGORIES_KEY = ['categories'] as const;

/** A category of the tree, however deep it sits. */
export interface CategoryNode {
  id: string;
  slug: string;
  name: string;
  children?: CategoryNode[] | null;
}

/** One line per category, depth first, with its depth and parent: what pickers and the tree editor list. */
export interface FlatCategory {
  id: string;
  slug: string;
  name: string;
  depth: number;
  parentId: string | null;
  /** Its place among its siblings, from 0. */
  position: number;
  siblings: number;
}

export function flattenCategories(roots: readonly CategoryNode[]): FlatCategory[] {
  const lines: FlatCategory[] = [];
  const walk = (nodes: readonly CategoryNode[], depth: number, parentId: string | null) =>
    nodes.forEach((node, position) => {
      lines.push({ id: node.id, slug: node.slug, name: node.name, depth, parentId, position, siblings: nodes.length });
      walk(node.children ?? [], depth + 1, node.id);
    });
  walk(roots, 0, null);
  return lines;
}

/** A category's name with its ancestors, for pickers: "Apparel › Shirts". */
export function categoryPath(lines: FlatCategory[], id: string): string {
  const byId = new Map(lines.map((line) => [line.id, line]));
  const names: string[] = [];
  for (let line = byId.get(id); line; line = line.parentId ? byId.get(line.parentId) : undefined) names.unshift(line.name);
  return names.join(' › ');
}

export function useCategoryTree() {
  return useQuery({
    queryKey: CATEGORIES_KEY,
    queryFn: () => gql(CategoryTreeDocument),
    select: (data: CategoryTreeQuery) => ({ roots: data.categories as CategoryNode[], lines: flattenCategories(data.categories as CategoryNode[]) }),
  });
}
