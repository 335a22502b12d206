'use client';

import { useActionState, useId } from 'react';
import type { AccountFormState, ProfileFormState } from '@/app/(store)/account/actions';
import type { Profile } from '@/lib/account';
import { CSRF_FIELD } from '@/lib/csrf-field';

type AccountAction = (previous: AccountFormState, formData: FormData) => Promise<AccountFormState>;
type ProfileAction = (previous: ProfileFormState, formData: FormData) => Promise<ProfileFormState>;

interface FieldProps {
  label: string;
  name: string;
  type: 'password' | 'email' | 'text' | 'tel';
  autoComplete: string;
  errors?: string[];
  required?: boolean;
  defaultValue?: string;
}

function Field({ label, name, type, autoComplete, errors, required = true, defaultValue }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className="rounded-md border border-slate-300 px-3 py-2"
      />
      {errors?.length ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

function FormMessage({ message }: { message?: string }) {
  return message ? (
    <p role="alert" className="text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

/**
 * Server actions carry the form: without script the browser posts it and the page comes back
 * with the errors; with script only the form updates. Only the CSRF token reaches the browser.
 */
export function ChangePasswordForm({ action, csrfToken }: { action: AccountAction; csrfToken: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="max-w-sm space-y-4" data-testid="change-password-form">
      <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" errors={state.errors?.currentPassword} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" errors={state.errors?.newPassword} />
      <Field label="Repeat new password" name="repeatNewPassword" type="password" autoComplete="new-password" />
      <FormMessage message={state.message} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        Change password
      </button>
    </form>
  );
}

/**
 * Name and phone, both optional. React resets a form after its action, to the default values: they
 * are what was saved, or what was sent when it was refused, so nothing typed disappears.
 */
export function ProfileForm({ action, csrfToken, profile }: { action: ProfileAction; csrfToken: string; profile: Profile }) {
  const [state, formAction, pending] = useActionState(action, {});
  const shown = state.values ?? profile;
  return (
    <form action={formAction} className="max-w-sm space-y-4" data-testid="profile-form">
      <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
      <Field label="Name" name="name" type="text" autoComplete="name" required={false} defaultValue={shown.name ?? ''} errors={state.errors?.name} />
      <Field label="Phone" name="phone" type="tel" autoComplete="tel" required={false} defaultValue={shown.phone ?? ''} errors={state.errors?.phone} />
      <FormMessage message={state.message} />
      {state.saved ? (
        <p role="status" className="text-sm text-green-700">
          Profile saved.
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        Save profile
      </button>
    </form>
  );
}

export function DeleteAccountForm({ action, csrfToken, email }: { action: AccountAction; csrfToken: string; email: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="max-w-sm space-y-4" data-testid="delete-account-form">
      <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
      <p className="text-sm text-slate-600">
        This deletes your account for good. To confirm, type your email address, <strong>{email}</strong>.
      </p>
      <Field label="Confirm with your email address" name="confirmation" type="email" autoComplete="off" errors={state.errors?.confirmation} />
      <FormMessage message={state.message} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-red-700 px-4 py-2 font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
      >
        Delete account
      </button>
    </form>
  );
}
