/**
 * The CSV import job as Catalog's REST API shows it (POST /api/v1/imports answers 202 with it; GET
 * /api/v1/imports/{id} tells how far it is): ImportJobResponse in src/Services/Catalog/Imports/ImportApi.cs.
 */

export type ImportMode = 'dry-run' | 'all-or-nothing' | 'good-rows-only';

export type ImportStatus = 'pending' | 'running' | 'succeeded' | 'completed-with-errors' | 'failed';

export interface ImportRowError {
  /** The row's line in the file; the header is line 1. */
  line: number;
  column: string | null;
  reason: string;
}

export interface ImportJob {
  id: string;
  mode: ImportMode;
  status: ImportStatus;
  fileName: string;
  /** Known once the file is read (0 before). */
  rowsTotal: number;
  /** Rows checked so far, bad ones included. */
  rowsDone: number;
  rowsFailed: number;
  productsCreated: number;
  productsUpdated: number;
  /** Each bad row (at most 1000), by line. */
  errors: ImportRowError[];
  /** Why the job failed or wrote nothing, when it did. */
  failure: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export const importEnded = (job: ImportJob | undefined): boolean =>
  job !== undefined && (job.status === 'succeeded' || job.status === 'completed-with-errors' || job.status === 'failed');

const STATUS_LABELS: Record<ImportStatus, string> = {
  pending: 'waiting to start',
  running: 'running',
  succeeded: 'finished',
  'completed-with-errors': 'finished with problems',
  failed: 'failed',
};

/** What the job did, in a sentence: rows read, bad rows, and (unless it was a check) products written. */
export function importSummary(job: ImportJob): string {
  const parts = [`Import ${STATUS_LABELS[job.status] ?? job.status}: ${job.rowsDone} of ${job.rowsTotal} rows checked`];
  if (job.rowsFailed > 0) parts.push(`${job.rowsFailed} with problems`);
  if (job.mode !== 'dry-run' && importEnded(job)) parts.push(`${job.productsCreated} products created, ${job.productsUpdated} updated`);
  return `${parts.join(', ')}.`;
}
