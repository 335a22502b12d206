import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { identityApi } from '../api/client';
import type { Invitation, StaffList } from '../api/types';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDate } from '../format';
import { useRoles } from './RolesPage';

export const STAFF_KEY = ['staff'] as const;

/** The merchant's staff and open invitations: invite, withdraw, change roles, remove. */
export function StaffPage() {
  const queries = useQueryClient();
  const staff = useQuery({ queryKey: STAFF_KEY, queryFn: () => identityApi<StaffList>('staff') });
  const roles = useRoles();
  const refresh = () => queries.invalidateQueries({ queryKey: STAFF_KEY });

  const changeRole = useMutation({
    mutationFn: ({ accountId, roleId }: { accountId: string; roleId: string }) =>
      identityApi(`staff/${accountId}/role`, { method: 'PUT', body: { roleId } }),
    onSettled: refresh,
  });
  const removeMember = useMutation({
    mutationFn: (accountId: string) => identityApi<void>(`staff/${accountId}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => identityApi<void>(`staff/invitations/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });

  if (staff.isPending) return <p className="text-slate-500">Loading staff…</p>;
  if (staff.isError) {
    return (
      <section>
        <h1 className="text-2xl font-semibold">Staff</h1>
        <ErrorMessage error={staff.error} />
      </section>
    );
  }

  const roleChoices = roles.data ?? [];
  return (
    <section className="space-y-8">
      <h1 className="text-2xl font-semibold">Staff</h1>
      <ErrorMessage error={changeRole.error ?? removeMember.error ?? withdraw.error ?? roles.error} />

      <section aria-labelledby="members">
        <h2 id="members" className="text-lg font-semibold">
          Members
        </h2>
        <table className="mt-2 w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th className="p-2">Email</th>
              <th className="p-2">Role</th>
              <th className="p-2">Joined</th>
              <th className="p-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.data.members.map((member) => (
              <tr key={member.accountId} className="border-b border-slate-100">
                <td className="p-2">{member.email}</td>
                <td className="p-2">
                  <select
                    aria-label={`Role of ${member.email}`}
                    value={member.role.id}
                    disabled={changeRole.isPending || roleChoices.length === 0}
                    onChange={(event) => changeRole.mutate({ accountId: member.accountId, roleId: event.target.value })}
                    className="rounded border border-slate-300 px-2 py-1"
                  >
                    {/* The member's role is listed even before the roles have loaded. */}
                    {!roleChoices.some((role) => role.id === member.role.id) && <option value={member.role.id}>{member.role.name}</option>}
                    {roleChoices.map((role) => (
                      <option key={role.id} value={role.id}>
                        {role.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="p-2">{formatDate(member.joinedAt)}</td>
                <td className="p-2 text-right">
                  <ConfirmButton
                    label="Remove"
                    accessibleName={`Remove ${member.email}`}
                    question={`Remove ${member.email} from the store?`}
                    disabled={removeMember.isPending}
                    onConfirm={() => removeMember.mutate(member.accountId)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="invitations">
        <h2 id="invitations" className="text-lg font-semibold">
          Pending invitations
        </h2>
        {staff.data.invitations.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No invitations waiting.</p>
        ) : (
          <InvitationTable invitations={staff.data.invitations} onWithdraw={(id) => withdraw.mutate(id)} pending={withdraw.isPending} />
        )}
      </section>

      <InviteForm roles={roleChoices} onSent={refresh} />
    </section>
  );
}

function InvitationTable({ invitations, onWithdraw, pending }: { invitations: Invitation[]; onWithdraw: (id: string) => void; pending: boolean }) {
  return (
    <table className="mt-2 w-full border-collapse bg-white text-sm">
      <thead>
        <tr className="border-b border-slate-200 text-left">
          <th className="p-2">Email</th>
          <th className="p-2">Role</th>
          <th className="p-2">Expires</th>
          <th className="p-2">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((invitation) => (
          <tr key={invitation.id} className="border-b border-slate-100">
            <td className="p-2">{invitation.email}</td>
            <td className="p-2">{invitation.role.name}</td>
            <td className="p-2">{formatDate(invitation.expiresAt)}</td>
            <td className="p-2 text-right">
              <button
                type="button"
                aria-label={`Withdraw invitation to ${invitation.email}`}
                disabled={pending}
                onClick={() => onWithdraw(invitation.id)}
                className="rounded border border-slate-300 px-3 py-1"
              >
                Withdraw
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function InviteForm({ roles, onSent }: { roles: { id: string; name: string }[]; onSent: () => Promise<unknown> }) {
  const [email, setEmail] = useState('');
  const [roleId, setRoleId] = useState('staff');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const emailId = useId();
  const roleSelectId = useId();
  const invite = useMutation({
    mutationFn: (input: { email: string; roleId: string }) => identityApi('staff/invitations', { method: 'POST', body: input }),
    onSuccess: async (_, input) => {
      setSentTo(input.email);
      setEmail('');
      await onSent();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSentTo(null);
    invite.mutate({ email: email.trim(), roleId });
  }

  return (
    <section aria-labelledby="invite" className="rounded border border-slate-200 bg-white p-4">
      <h2 id="invite" className="text-lg font-semibold">
        Invite someone
      </h2>
      <form onSubmit={submit} className="mt-2 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={emailId} className="block text-sm font-medium">
            Email
          </label>
          <input
            id={emailId}
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            className="mt-1 rounded border border-slate-300 px-2 py-1"
          />
        </div>
        <div>
          <label htmlFor={roleSelectId} className="block text-sm font-medium">
            Role
          </label>
          <select id={roleSelectId} value={roleId} onChange={(event) => setRoleId(event.target.value)} className="mt-1 rounded border border-slate-300 px-2 py-1">
            {roles.map((role) => (
              <option key={role.id} value={role.id}>
                {role.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={invite.isPending} className="rounded bg-slate-800 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-50">
          Send invitation
        </button>
      </form>
      <ErrorMessage error={invite.error} />
      {sentTo && (
        <p role="status" className="mt-2 text-sm text-green-700">
          Invitation sent to {sentTo}.
        </p>
      )}
    </section>
  );
}
