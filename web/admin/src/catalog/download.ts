import { ApiError, CSRF_HEADER } from '../api/client';

/**
 * Downloads a file from the backend. Every /bff call must carry the anti-forgery header, which a plain link cannot
 * send, so the file is fetched with it and handed to the browser as a download.
 */
export async function downloadThroughBackend(url: string, fileName: string): Promise<void> {
  const response = await fetch(url, { headers: { ...CSRF_HEADER }, credentials: 'same-origin' });
  if (!response.ok) {
    let problem: { title?: string; detail?: string } = {};
    try {
      problem = (await response.json()) as typeof problem;
    } catch {
      // Not JSON: the status says it.
    }
    throw new ApiError(response.status, { status: response.status, title: problem.title ?? `The export failed (${response.status}).`, detail: problem.detail });
  }
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
