import { api } from './client';

/**
 * GraphQL through the backend (/bff/graphql, the gateway with the session's token). Operations are typed documents
 * generated from the committed supergraph (src/graphql/*.graphql, `npm run codegen`); a response with errors
 * becomes a GraphQLRequestError carrying them, codes and field messages included.
 */

/** What the platform says about one error: a code (BAD_USER_INPUT, CONFLICT, FORBIDDEN, …) and its details. */
export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    /** BAD_USER_INPUT: messages per input field, keyed as REST names them ("variants[0].sku"). */
    fields?: Record<string, string[]>;
    /** CONFLICT on an edit: the version someone else saved. */
    currentVersion?: number;
    [key: string]: unknown;
  };
}

export class GraphQLRequestError extends Error {
  readonly errors: GraphQLErrorEntry[];

  constructor(errors: GraphQLErrorEntry[]) {
    super(errors.map((error) => error.message).join(' ') || 'The request failed.');
    this.name = 'GraphQLRequestError';
    this.errors = errors;
  }

  get codes(): string[] {
    return this.errors.map((error) => error.extensions?.code).filter((code): code is string => Boolean(code));
  }

  /** Messages per input field, merged over every error. */
  get fieldErrors(): Record<string, string[]> {
    const fields: Record<string, string[]> = {};
    for (const error of this.errors) {
      for (const [field, messages] of Object.entries(error.extensions?.fields ?? {})) {
        fields[field] = [...(fields[field] ?? []), ...messages];
      }
    }
    return fields;
  }
}

/** A document that knows its result and variables (client-preset's TypedDocumentString). */
export interface TypedOperation<TResult, TVariables> {
  toString(): string;
  /** Never read: carries the types. */
  __apiType?: (variables: TVariables) => TResult;
}

export async function gql<TResult, TVariables>(
  document: TypedOperation<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] | [TVariables] : [TVariables]
): Promise<TResult> {
  const body = await api<{ data?: TResult | null; errors?: GraphQLErrorEntry[] }>('/bff/graphql', {
    method: 'POST',
    body: { query: document.toString(), variables: variables ?? {} },
  });
  if (body.errors?.length) throw new GraphQLRequestError(body.errors);
  if (body.data === undefined || body.data === null) throw new GraphQLRequestError([{ message: 'The platform answered without data.' }]);
  return body.data;
}

/** The version someone else saved, when the error is a stale edit (CONFLICT); null otherwise. */
export function conflictVersion(error: unknown): number | null {
  if (!(error instanceof GraphQLRequestError)) return null;
  const conflict = error.errors.find((entry) => entry.extensions?.code === 'CONFLICT');
  if (!conflict) return null;
  const version = conflict.extensions?.currentVersion;
  return typeof version === 'number' ? version : -1;
}
