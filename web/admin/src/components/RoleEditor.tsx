import { useId, useState, type FormEvent } from 'react';
import { describePermission } from '../permissions';

export interface RoleDraft {
  name: string;
  permissions: string[];
}

/** A custom role's name and one checkbox per permission the platform grants. */
export function RoleEditor({
  available,
  initial,
  submitLabel,
  pending = false,
  onSubmit,
  onCancel,
}: {
  available: string[];
  initial?: RoleDraft;
  submitLabel: string;
  pending?: boolean;
  onSubmit: (draft: RoleDraft) => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(initial?.name ?? '');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(initial?.permissions ?? []));
  const nameId = useId();

  function toggle(permission: string, on: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(permission);
      else next.delete(permission);
      return next;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    // In the platform's order, so the same choice always reads the same.
    onSubmit({ name: name.trim(), permissions: available.filter((permission) => chosen.has(permission)) });
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <div>
        <label htmlFor={nameId} className="block text-sm font-medium">
          Role name
        </label>
        <input
          id={nameId}
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
          maxLength={100}
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Permissions</legend>
        <div className="mt-1 grid grid-cols-1 gap-1 sm:grid-cols-2">
          {available.map((permission) => (
            <label key={permission} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={chosen.has(permission)}
                onChange={(event) => toggle(permission, event.target.checked)}
              />
              <span>
                {describePermission(permission)} <code className="text-xs text-slate-500">{permission}</code>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="rounded bg-slate-800 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-50">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-4 py-1.5 text-sm">
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
