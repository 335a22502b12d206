import { signInUrl } from '../session/useSession';

/** Shown when signed out: the sign-in happens at Identity, then returns to the page that was asked for. */
export function SignInPage() {
  const location = window.location;
  const failed = new URLSearchParams(location.search).has('signInFailed');
  const returnTo = failed ? '/' : location.pathname + location.search;
  return (
    <main className="mx-auto mt-24 max-w-sm rounded border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-2xl font-semibold">Unified Commerce Admin</h1>
      <p className="mt-2 text-slate-600">Sign in with your staff account to manage your store.</p>
      {failed && (
        <p role="alert" className="mt-4 text-sm text-red-700">
          The sign-in did not complete. Try again.
        </p>
      )}
      <a href={signInUrl(returnTo)} className="mt-6 inline-block rounded bg-slate-800 px-5 py-2 font-medium text-white hover:bg-slate-700">
        Sign in
      </a>
    </main>
  );
}
