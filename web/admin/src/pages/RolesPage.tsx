import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { identityApi } from '../api/client';
import type { Role } from '../api/types';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { RoleEditor, type RoleDraft } from '../components/RoleEditor';
import { describePermission, grantablePermissions } from '../permissions';

export const ROLES_KEY = ['roles'] as const;

export function useRoles() {
  return useQuery({ queryKey: ROLES_KEY, queryFn: () => identityApi<Role[]>('roles') });
}

/** Built-in roles (read only) and the merchant's own roles: create, edit, delete. */
export function RolesPage() {
  const queries = useQueryClient();
  const roles = useRoles();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const refresh = () => queries.invalidateQueries({ queryKey: ROLES_KEY });

  const save = useMutation({
    mutationFn: ({ id, draft }: { id: string | null; draft: RoleDraft }) =>
      id ? identityApi<Role>(`roles/${id}`, { method: 'PUT', body: draft }) : identityApi<Role>('roles', { method: 'POST', body: draft }),
    onSuccess: async () => {
      setEditing(null);
      await refresh();
      // A changed role changes what its holders see on the Staff screen.
      await queries.invalidateQueries({ queryKey: ['staff'] });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => identityApi<void>(`roles/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });

  if (roles.isPending) return <p className="text-slate-500">Loading roles…</p>;
  if (roles.isError) {
    return (
      <section>
        <h1 className="text-2xl font-semibold">Roles</h1>
        <ErrorMessage error={roles.error} />
      </section>
    );
  }

  const available = grantablePermissions(roles.data);
  const builtIn = roles.data.filter((role) => role.isBuiltIn);
  const custom = roles.data.filter((role) => !role.isBuiltIn);

  return (
    <section className="space-y-8">
      <h1 className="text-2xl font-semibold">Roles</h1>

      <section aria-labelledby="built-in-roles">
        <h2 id="built-in-roles" className="text-lg font-semibold">
          Built-in roles
        </h2>
        <ul className="mt-2 space-y-2">
          {builtIn.map((role) => (
            <li key={role.id} className="rounded border border-slate-200 bg-white p-3" aria-label={role.name}>
              <p className="font-medium">{role.name}</p>
              <p className="text-sm text-slate-600">{role.permissions.map(describePermission).join(', ')}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="custom-roles" className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 id="custom-roles" className="text-lg font-semibold">
            Custom roles
          </h2>
          {editing === null && (
            <button type="button" onClick={() => setEditing('new')} className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white">
              New role
            </button>
          )}
        </div>
        <ErrorMessage error={save.error ?? remove.error} />
        {editing === 'new' && (
          <RoleEditor
            available={available}
            submitLabel="Create role"
            pending={save.isPending}
            onSubmit={(draft) => save.mutate({ id: null, draft })}
            onCancel={() => setEditing(null)}
          />
        )}
        {custom.length === 0 && editing !== 'new' && <p className="text-sm text-slate-600">No custom roles yet.</p>}
        <ul className="space-y-2">
          {custom.map((role) =>
            editing === role.id ? (
              <li key={role.id}>
                <RoleEditor
                  available={available}
                  initial={role}
                  submitLabel="Save role"
                  pending={save.isPending}
                  onSubmit={(draft) => save.mutate({ id: role.id, draft })}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <li key={role.id} className="flex items-start justify-between rounded border border-slate-200 bg-white p-3" aria-label={role.name}>
                <div>
                  <p className="font-medium">{role.name}</p>
                  <p className="text-sm text-slate-600">
                    {role.permissions.length > 0 ? role.permissions.map(describePermission).join(', ') : 'No permissions'}
                  </p>
                </div>
                <div className="flex gap-2">
                  <button type="button" onClick={() => setEditing(role.id)} aria-label={`Edit ${role.name}`} className="rounded border border-slate-300 px-3 py-1 text-sm">
                    Edit
                  </button>
                  <ConfirmButton
                    label="Delete"
                    accessibleName={`Delete ${role.name}`}
                    question={`Delete the role ${role.name}?`}
                    disabled={remove.isPending}
                    onConfirm={() => remove.mutate(role.id)}
                  />
                </div>
              </li>
            ),
          )}
        </ul>
      </section>
    </section>
  );
}
