import { Navigate, Route, Routes } from 'react-router-dom';
import { AppShell } from './components/AppShell';
import { ErrorMessage } from './components/ErrorMessage';
import { HomePage } from './pages/HomePage';
import { RolesPage } from './pages/RolesPage';
import { SecurityLogPage } from './pages/SecurityLogPage';
import { SignInPage } from './pages/SignInPage';
import { StaffPage } from './pages/StaffPage';
import { useSession } from './session/useSession';

export function App() {
  const session = useSession();
  if (session.isPending) return <p className="p-6 text-slate-500">Loading…</p>;
  if (session.isError) return <ErrorMessage error={session.error} />;
  if (!session.data) return <SignInPage />;
  return (
    <Routes>
      <Route element={<AppShell session={session.data} />}>
        <Route index element={<HomePage session={session.data} />} />
        <Route path="staff" element={<StaffPage />} />
        <Route path="roles" element={<RolesPage />} />
        <Route path="security-log" element={<SecurityLogPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
