import { ApiError, CSRF_HEADER, type ProblemDetails } from './client';

/** Sends a multipart form (a file and its fields) to the backend, which streams it on to the platform. */
export async function postForm<T>(path: string, fields: Record<string, string | Blob>): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const response = await fetch(path, { method: 'POST', headers: { ...CSRF_HEADER, accept: 'application/json' }, body: form, credentials: 'same-origin' });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const problem: ProblemDetails = body && typeof body === 'object' ? (body as ProblemDetails) : { status: response.status, title: response.statusText || `The upload failed (${response.status}).` };
    throw new ApiError(response.status, problem);
  }
  return body as T;
}
