import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ChangePasswordForm, DeleteAccountForm, ProfileForm } from '@/components/account-forms';
import { fetchAccount, fetchProfile, UNAUTHORIZED, type Profile } from '@/lib/account';
import { CSRF_FIELD } from '@/lib/csrf-field';
import { oidcClientFromEnvironment } from '@/lib/oidc';
import { requireStoreContext } from '@/lib/request-context';
import { readSession } from '@/lib/session';
import { changePasswordAction, deleteAccountAction, updateProfileAction } from './actions';

export const metadata: Metadata = { title: 'Your account' };

const SIGN_IN = '/account/sign-in?returnTo=%2Faccount';

/** The profile lives in another service than the account: when it cannot be read, the rest of the page still works. */
const PROFILE_UNAVAILABLE = 'unavailable';

async function profileOf(accessToken: string): Promise<Profile | null | typeof UNAUTHORIZED | typeof PROFILE_UNAVAILABLE> {
  try {
    return await fetchProfile(accessToken);
  } catch {
    return PROFILE_UNAVAILABLE;
  }
}

export default async function AccountPage() {
  await requireStoreContext();
  const session = await readSession();
  if (!session) redirect(SIGN_IN);
  // The proxy has renewed the access token for this request; Identity refusing it means the
  // grant is gone (password changed elsewhere, account deleted): sign in again.
  const [account, profile] = await Promise.all([
    fetchAccount(oidcClientFromEnvironment(), session.accessToken),
    profileOf(session.accessToken),
  ]);
  if (account === UNAUTHORIZED || profile === UNAUTHORIZED) redirect(SIGN_IN);

  return (
    <div className="max-w-2xl space-y-10">
      <section className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="text-slate-500">Email</dt>
          <dd data-testid="account-email" className="font-medium">
            {account.email}
          </dd>
          <dt className="text-slate-500">Email status</dt>
          <dd data-testid="account-email-verified">{account.emailVerified ? 'Verified' : 'Not verified yet'}</dd>
        </dl>
        <form action="/account/sign-out" method="post">
          <input type="hidden" name={CSRF_FIELD} value={session.csrfToken} />
          <button
            type="submit"
            className="rounded-md border border-slate-300 px-4 py-2 font-medium text-slate-700 hover:border-brand-600 hover:text-brand-700"
          >
            Sign out
          </button>
        </form>
      </section>

      <section aria-labelledby="profile-heading" className="space-y-4">
        <h2 id="profile-heading" className="text-xl font-semibold">
          Profile
        </h2>
        {profile === PROFILE_UNAVAILABLE ? (
          <p className="text-sm text-slate-600">Your profile cannot be shown right now. Reload the page in a moment.</p>
        ) : profile === null ? (
          <p className="text-sm text-slate-600" data-testid="profile-pending">
            Your profile is being set up. Reload the page in a moment.
          </p>
        ) : (
          <ProfileForm action={updateProfileAction} csrfToken={session.csrfToken} profile={profile} />
        )}
      </section>

      <section aria-labelledby="change-password-heading" className="space-y-4">
        <h2 id="change-password-heading" className="text-xl font-semibold">
          Change password
        </h2>
        <p className="text-sm text-slate-600">You will be signed out everywhere and sign in again with the new password.</p>
        <ChangePasswordForm action={changePasswordAction} csrfToken={session.csrfToken} />
      </section>

      <section aria-labelledby="delete-account-heading" className="space-y-4">
        <h2 id="delete-account-heading" className="text-xl font-semibold">
          Delete account
        </h2>
        <DeleteAccountForm action={deleteAccountAction} csrfToken={session.csrfToken} email={account.email} />
      </section>
    </div>
  );
}
