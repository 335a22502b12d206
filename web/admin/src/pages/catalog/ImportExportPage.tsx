import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { postForm } from '../../api/upload';
import { downloadThroughBackend } from '../../catalog/download';
import { importEnded, importSummary, type ImportJob, type ImportMode } from '../../catalog/imports';
import { exportUrl, filtersFrom } from '../../catalog/listFilters';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PRODUCTS_KEY } from './ProductsPage';

const MODES: { mode: ImportMode; label: string; hint: string }[] = [
  { mode: 'dry-run', label: 'Check only', hint: 'Reads every row and reports problems; changes nothing.' },
  { mode: 'all-or-nothing', label: 'All or nothing', hint: 'Imports only if every row is good.' },
  { mode: 'good-rows-only', label: 'Good rows only', hint: 'Imports the good rows and reports the others.' },
];

/**
 * Products in and out as CSV: upload a CSV (or a zip with its images), choose how strictly to import, follow the
 * job until it ends and see the bad rows by line; export what the product list shows (its filters travel along).
 */
export function ImportExportPage() {
  const queries = useQueryClient();
  const file = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<ImportMode>('dry-run');
  const [jobId, setJobId] = useState<string | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const filters = filtersFrom(new URLSearchParams(window.location.search));

  const start = useMutation({
    mutationFn: (chosen: File) => postForm<ImportJob>('/bff/api/catalog/imports', { file: chosen, mode }),
    onSuccess: (job) => setJobId(job.id),
  });
  const job = useQuery({
    queryKey: ['import', jobId],
    queryFn: () => api<ImportJob>(`/bff/api/catalog/imports/${encodeURIComponent(jobId!)}`),
    enabled: jobId !== null,
    // Polled until the job ends; then the product list is read again.
    refetchInterval: (query) => (importEnded(query.state.data) ? false : 1000),
  });
  const ended = importEnded(job.data);
  useEffect(() => {
    if (ended && mode !== 'dry-run') void queries.invalidateQueries({ queryKey: PRODUCTS_KEY });
  }, [ended, mode, queries]);

  const total = job.data?.rowsTotal ?? 0;
  const processed = job.data?.rowsDone ?? 0;

  return (
    <section className="space-y-8">
      <h1 className="text-2xl font-semibold">Import and export</h1>
      <section aria-labelledby="import-heading" className="space-y-3">
        <h2 id="import-heading" className="text-lg font-semibold">
          Import products
        </h2>
        <form
          aria-label="Import products"
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            const chosen = file.current?.files?.[0];
            if (chosen) start.mutate(chosen);
          }}
        >
          <label className="flex flex-col text-sm">
            CSV file, or a zip of a CSV and its images
            <input ref={file} type="file" accept=".csv,text/csv,.zip,application/zip" className="mt-1" required />
          </label>
          <fieldset className="space-y-1 text-sm">
            <legend className="font-medium">Mode</legend>
            {MODES.map((candidate) => (
              <label key={candidate.mode} className="flex items-start gap-2">
                <input type="radio" name="mode" value={candidate.mode} checked={mode === candidate.mode} onChange={() => setMode(candidate.mode)} />
                <span>
                  {candidate.label} <span className="text-slate-500">— {candidate.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={start.isPending || (jobId !== null && !ended)} className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white disabled:opacity-50">
            Start import
          </button>
        </form>
        <ErrorMessage error={start.error ?? job.error} />
        {job.data && (
          <div className="space-y-2">
            <label className="flex flex-col text-sm">
              Import progress: {job.data.status}
              <progress max={total || 1} value={total ? processed : ended ? 1 : 0} className="w-full max-w-md">
                {processed} of {total} rows
              </progress>
            </label>
            <p className="text-sm text-slate-600" aria-live="polite">
              {total ? importSummary(job.data) : ended ? '' : 'Reading the file…'}
            </p>
            {job.data.failure && (
              <p role="alert" className="text-sm text-red-700">
                {job.data.failure}
              </p>
            )}
            {job.data.errors.length > 0 && (
              <table className="w-full max-w-2xl border-collapse bg-white text-sm" aria-label="Rows with problems">
                <thead>
                  <tr className="border-b border-slate-200 text-left">
                    <th scope="col" className="px-2 py-1">
                      Line
                    </th>
                    <th scope="col" className="px-2 py-1">
                      Column
                    </th>
                    <th scope="col" className="px-2 py-1">
                      Problem
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {job.data.errors.map((error, index) => (
                    <tr key={`${error.line}-${index}`} className="border-b border-slate-100">
                      <td className="px-2 py-1">{error.line}</td>
                      <td className="px-2 py-1">{error.column ?? ''}</td>
                      <td className="px-2 py-1">{error.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
      </section>
      <section aria-labelledby="export-heading" className="space-y-2">
        <h2 id="export-heading" className="text-lg font-semibold">
          Export products
        </h2>
        <p className="text-sm text-slate-600">Every product, as CSV. To export only some, filter the product list and use its Export CSV button.</p>
        <button
          type="button"
          className="rounded border border-slate-300 px-3 py-1.5 text-sm"
          onClick={() => {
            setExportError(null);
            downloadThroughBackend(exportUrl(filters), 'products.csv').catch(setExportError);
          }}
        >
          Export CSV
        </button>
        <ErrorMessage error={exportError} />
      </section>
    </section>
  );
}
