import { Navigate } from 'react-router-dom';
import type { Session } from '../api/types';
import { SCREENS } from '../components/AppShell';
import { hasPermission } from '../session/useSession';

/** Opens the first screen the role may use; otherwise says what the person can do here. */
export function HomePage({ session }: { session: Session }) {
  const first = SCREENS.find((screen) => hasPermission(session, screen.permission));
  if (first) return <Navigate to={first.path} replace />;
  return (
    <section>
      <h1 className="text-2xl font-semibold">Welcome</h1>
      {session.merchantId ? (
        <p className="mt-2 text-slate-700">
          You are signed in to {session.merchantName} as {session.role}. Your role has no screens in the admin yet.
        </p>
      ) : (
        <p className="mt-2 text-slate-700">You do not work for any store yet. Ask a store owner for an invitation.</p>
      )}
    </section>
  );
}
