'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import {
  changePassword,
  deleteAccount,
  UNAUTHORIZED,
  updateProfile,
  type PasswordErrors,
  type Profile,
  type ProfileErrors,
} from '@/lib/account';
import { CSRF_FIELD, csrfRejection } from '@/lib/csrf';
import { oidcClientFromEnvironment } from '@/lib/oidc';
import { originOfRequest } from '@/lib/origin';
import { clearSession, isSecureOrigin, readSession, type Session } from '@/lib/session';

export interface AccountFormState {
  /** A message about the whole form. */
  message?: string;
  errors?: PasswordErrors & { confirmation?: string[] };
}

export interface ProfileFormState {
  /** A message about the whole form. */
  message?: string;
  errors?: ProfileErrors;
  /** What the form shows now: the saved profile, or what was sent when it was refused. */
  values?: Profile;
  saved?: boolean;
}

const SIGN_IN_AGAIN = '/account/sign-in?returnTo=%2Faccount';
const EXPIRED_FORM = 'This form has expired. Reload the page and try again.';

/**
 * The session of a form post that passed the CSRF check. The proxy has already renewed its access
 * token; a request without a session goes to sign-in, a forged or stale one gets a message.
 */
async function checkedSession(formData: FormData): Promise<{ session: Session } | { rejected: string }> {
  const requestHeaders = await headers();
  const origin = originOfRequest(requestHeaders);
  const session = await readSession();
  if (!origin) return { rejected: EXPIRED_FORM };
  const rejection = csrfRejection({
    session,
    submitted: formData.get(CSRF_FIELD),
    originHeader: requestHeaders.get('origin'),
    storeOrigin: origin,
  });
  if (rejection === 'no-session') redirect(SIGN_IN_AGAIN);
  if (rejection || !session) return { rejected: EXPIRED_FORM };
  return { session };
}

/** Signs the shopper out of the storefront only: Identity has already ended the account's grants. */
async function endLocalSession(): Promise<void> {
  const origin = originOfRequest(await headers());
  const jar = await cookies();
  clearSession(
    { get: (name) => jar.get(name), set: (name, value, options) => jar.set(name, value, options) },
    isSecureOrigin(origin ?? ''),
  );
}

const text = (formData: FormData, field: string) => {
  const value = formData.get(field);
  return typeof value === 'string' ? value : '';
};

export async function changePasswordAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const checked = await checkedSession(formData);
  if ('rejected' in checked) return { message: checked.rejected };

  const currentPassword = text(formData, 'currentPassword');
  const newPassword = text(formData, 'newPassword');
  const errors: AccountFormState['errors'] = {};
  if (!currentPassword) errors.currentPassword = ['Enter your current password.'];
  if (!newPassword) errors.newPassword = ['Enter a new password.'];
  else if (newPassword !== text(formData, 'repeatNewPassword')) errors.newPassword = ['The new passwords do not match.'];
  if (errors.currentPassword || errors.newPassword) return { errors };

  const result = await changePassword(oidcClientFromEnvironment(), checked.session.accessToken, {
    currentPassword,
    newPassword,
  });
  if (result.outcome === 'invalid') {
    return { errors: result.errors, message: result.errors.currentPassword || result.errors.newPassword ? undefined : (result.detail ?? 'The password was not changed.') };
  }
  // Changed (every refresh token is revoked now) or no longer signed in: either way the session is over.
  await endLocalSession();
  redirect(result.outcome === UNAUTHORIZED ? SIGN_IN_AGAIN : '/account/password-changed');
}

export async function deleteAccountAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const checked = await checkedSession(formData);
  if ('rejected' in checked) return { message: checked.rejected };

  const confirmation = text(formData, 'confirmation').trim().toLowerCase();
  if (confirmation !== checked.session.email.toLowerCase()) {
    return { errors: { confirmation: ['Type your email address exactly as shown to confirm.'] } };
  }

  const result = await deleteAccount(oidcClientFromEnvironment(), checked.session.accessToken);
  await endLocalSession();
  redirect(result === UNAUTHORIZED ? SIGN_IN_AGAIN : '/account/deleted');
}

export async function updateProfileAction(_previous: ProfileFormState, formData: FormData): Promise<ProfileFormState> {
  const checked = await checkedSession(formData);
  if ('rejected' in checked) return { message: checked.rejected };

  const submitted = { name: text(formData, 'name'), phone: text(formData, 'phone') };
  const result = await updateProfile(checked.session.accessToken, submitted);
  if (result.outcome === UNAUTHORIZED) redirect(SIGN_IN_AGAIN);
  if (result.outcome === 'invalid') {
    return {
      errors: result.errors,
      message: result.detail ?? undefined,
      values: { name: submitted.name || null, phone: submitted.phone || null },
    };
  }
  return { saved: true, values: result.profile };
}
