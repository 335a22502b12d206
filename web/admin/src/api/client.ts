/**
 * The SPA's only way to the platform: its own backend (/bff), which holds the session's tokens. Every call carries
 * the anti-forgery header the backend requires; failures become an ApiError carrying the RFC 9457 problem details.
 */

export interface ProblemDetails {
  title?: string;
  detail?: string;
  status?: number;
  errors?: Record<string, string[]>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `The request failed (${status}).`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** Messages about single fields of a refused form (400), flattened: "email: Enter an email address." */
  get fieldErrors(): string[] {
    return Object.entries(this.problem.errors ?? {}).flatMap(([field, messages]) => messages.map((message) => `${field}: ${message}`));
  }
}

/** Sent on every call; a cross-site form or link cannot add it, so the backend refuses forged requests without it. */
export const CSRF_HEADER = { 'x-csrf': '1' } as const;

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { ...CSRF_HEADER, accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: 'same-origin',
  });
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object') return body as ProblemDetails;
  } catch {
    // Not JSON (a proxy's error page): the status says what there is to say.
  }
  return { status: response.status, title: response.statusText || `The request failed (${response.status}).` };
}

/** Identity's REST API through the backend: /api/v1/{path} with the session's token. */
export const identityApi = <T>(path: string, init?: { method?: string; body?: unknown }) => api<T>(`/bff/api/identity/${path}`, init);
