import type { GatewayPlugin } from '@graphql-hive/gateway';
import {
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isCompositeType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** The page-size arguments of the subgraphs' connections: each multiplies what is selected beneath it. */
const SLICING_ARGUMENTS = ['first', 'last'] as const;

export interface OperationCostOptions {
  /** The largest estimated cost an operation may have. */
  maxCost: number;
}

/**
 * Estimates what an operation makes the subgraphs read before any of them is asked: every object-typed field
 * costs 1, times the product of the `first`/`last` arguments of the fields it sits under (a field that takes
 * `first` and is not given it counts its schema default, the subgraph's page size). So 140 aliases of
 * `products(first: 100) { nodes { name } }` cost 140 x (1 + 100), where counting fields alone saw 280.
 *
 * Hive Gateway's demand control derives list factors from `@listSize` or from nullable list types only, and
 * every list of this schema is `[T!]!` behind a connection, hence this rule. It runs on the client's
 * operation against the supergraph, so entity fetches from other subgraphs are counted where they are selected.
 */
export function useOperationCost({ maxCost }: OperationCostOptions): GatewayPlugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return; // graphql-js reports it.
      const coerced = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {});
      if (coerced.errors) return; // graphql-js reports bad variables with their own messages.

      const rootType = args.schema.getRootType(operation.operation);
      if (!rootType) return;
      const cost = estimateCost(args.schema, args.document, rootType, operation.selectionSet, coerced.coerced, maxCost);
      if (cost > maxCost) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `The operation's estimated cost exceeds the maximum of ${maxCost}: ` +
                'ask for smaller pages (first/last) or fewer aliases, or split the operation.',
              { extensions: { code: 'COST_ESTIMATED_TOO_EXPENSIVE', cost: { max: maxCost } } },
            ),
          ],
        });
      }
    },
  };
}

/** Walks the selection sets (fragments inlined); stops counting once the budget is exceeded. */
function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  rootType: GraphQLCompositeType,
  rootSelection: SelectionSetNode,
  variables: Record<string, unknown>,
  maxCost: number,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }

  let cost = 0;
  const visit = (parentType: GraphQLCompositeType, selectionSet: SelectionSetNode, multiplier: number): void => {
    for (const selection of selectionSet.selections) {
      if (cost > maxCost) return;
      switch (selection.kind) {
        case Kind.INLINE_FRAGMENT: {
          const typeName = selection.typeCondition?.name.value;
          const type = typeName ? schema.getType(typeName) : parentType;
          if (type && isCompositeType(type)) visit(type, selection.selectionSet, multiplier);
          break;
        }
        case Kind.FRAGMENT_SPREAD: {
          const fragment = fragments.get(selection.name.value);
          const type = fragment && schema.getType(fragment.typeCondition.name.value);
          if (fragment && type && isCompositeType(type)) visit(type, fragment.selectionSet, multiplier);
          break;
        }
        case Kind.FIELD: {
          if (selection.name.value.startsWith('__') || !selection.selectionSet) break; // scalars and meta fields
          // A union has no fields of its own (only __typename); its members' fields come through fragments.
          const field = 'getFields' in parentType ? parentType.getFields()[selection.name.value] : undefined;
          if (!field) break;
          cost += multiplier;
          const namedType = getNamedType(field.type);
          if (isCompositeType(namedType)) {
            visit(namedType, selection.selectionSet, multiplier * pageSizeOf(field, selection, variables));
          }
          break;
        }
      }
    }
  };
  visit(rootType, rootSelection, 1);
  return cost;
}

function pageSizeOf(
  field: Parameters<typeof getArgumentValues>[0],
  node: Parameters<typeof getArgumentValues>[1],
  variables: Record<string, unknown>,
): number {
  if (!field.args.some((argument) => (SLICING_ARGUMENTS as readonly string[]).includes(argument.name))) return 1;
  let values: Record<string, unknown>;
  try {
    values = getArgumentValues(field, node, variables);
  } catch {
    return 1; // An invalid argument fails execution with its own message.
  }
  let size = 1;
  for (const name of SLICING_ARGUMENTS) {
    const value = values[name];
    if (typeof value === 'number' && Number.isFinite(value) && value > size) size = value;
  }
  return size;
}
