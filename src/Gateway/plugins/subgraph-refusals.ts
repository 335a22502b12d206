import type { GatewayPlugin } from '@graphql-hive/gateway';

/** GraphQL error codes for the HTTP statuses the services refuse with before GraphQL runs. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_USER_INPUT',
  429: 'TOO_MANY_REQUESTS',
};

interface ProblemDetails {
  type?: unknown;
  title?: unknown;
  detail?: unknown;
}

/** The RFC 9110 section a framework names by default adds nothing the code does not say. */
const isDefaultProblemType = (type: string) => type.startsWith('https://tools.ietf.org/html/rfc9110');

/**
 * The services' HTTP middleware (merchant header checks, suspended merchants) refuses a subgraph request with
 * problem details (RFC 9457) before GraphQL runs, which the gateway cannot read as a GraphQL result and would
 * mask as "Unexpected error.". A 4xx refusal is the caller's business: it becomes a GraphQL error with the
 * problem's title as message, a code for its status and the problem's detail and type. 5xx answers and anything
 * that is not problem details stay as they are, so the gateway keeps masking them.
 */
export function useSubgraphRefusals(): GatewayPlugin {
  return {
    onFetch() {
      return async ({ response, setResponse }) => {
        const status = response.status;
        if (status < 400 || status > 499) return;
        if (!(response.headers.get('content-type') ?? '').toLowerCase().includes('application/problem+json')) return;

        let problem: ProblemDetails;
        try {
          problem = (await response.clone().json()) as ProblemDetails;
        } catch {
          return;
        }
        if (typeof problem?.title !== 'string' || problem.title === '') return;

        const extensions: Record<string, unknown> = {
          code: CODE_BY_STATUS[status] ?? 'BAD_REQUEST',
          // Not `http`: the gateway would take that as the status of its whole answer, which may hold other data.
          status,
        };
        if (typeof problem.detail === 'string') extensions.detail = problem.detail;
        if (typeof problem.type === 'string' && !isDefaultProblemType(problem.type)) extensions.type = problem.type;

        setResponse(
          new Response(JSON.stringify({ data: null, errors: [{ message: problem.title, extensions }] }), {
            status,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          }),
        );
      };
    },
  };
}
