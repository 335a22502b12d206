import { ApiError } from '../api/client';

/**
 * Says why something failed, in the platform's words: the problem details' detail (for a refusal, which permission
 * is missing or why) or title, and each refused field.
 */
export function ErrorMessage({ error, label }: { error: unknown; label?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const fields = error instanceof ApiError ? error.fieldErrors : [];
  const refused = error instanceof ApiError && error.status === 403;
  return (
    <div role="alert" aria-label={label} className="my-3 rounded border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
      <p className="font-medium">{refused ? `Not allowed: ${message}` : message}</p>
      {fields.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {fields.map((field) => (
            <li key={field}>{field}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
