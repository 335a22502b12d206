import { useState } from 'react';
import { NavLink, Outlet } from 'react-router-dom';
import type { Session } from '../api/types';
import { PRODUCTS_READ, PRODUCTS_WRITE, SECURITY_READ, STAFF_MANAGE } from '../permissions';
import { hasPermission, signOut } from '../session/useSession';
import { ErrorMessage } from './ErrorMessage';
import { MerchantSwitcher } from './MerchantSwitcher';

/** The screens and the permission each needs; a screen the role lacks is not offered (the API refuses it anyway). */
export const SCREENS = [
  { path: '/products', label: 'Products', permission: PRODUCTS_READ },
  { path: '/categories', label: 'Categories', permission: PRODUCTS_READ },
  { path: '/collections', label: 'Collections', permission: PRODUCTS_READ },
  // Importing changes products; exporting needs only reading, but is offered beside the import.
  { path: '/import-export', label: 'Import and export', permission: PRODUCTS_WRITE },
  { path: '/staff', label: 'Staff', permission: STAFF_MANAGE },
  { path: '/roles', label: 'Roles', permission: STAFF_MANAGE },
  { path: '/security-log', label: 'Security log', permission: SECURITY_READ },
] as const;

export function AppShell({ session }: { session: Session }) {
  const [signOutError, setSignOutError] = useState<unknown>(null);
  const screens = SCREENS.filter((screen) => hasPermission(session, screen.permission));
  return (
    <div className="min-h-screen">
      <header className="flex flex-wrap items-center justify-between gap-4 bg-slate-800 px-6 py-3 text-white">
        <div className="flex items-center gap-4">
          <span className="text-lg font-semibold" data-testid="merchant-name">
            {session.merchantName ?? 'No merchant'}
          </span>
          <MerchantSwitcher memberships={session.memberships} merchantId={session.merchantId} />
        </div>
        <div className="flex items-center gap-4 text-sm">
          <span data-testid="signed-in-email">{session.email}</span>
          {session.role && <span className="text-slate-300">{session.role}</span>}
          <button
            type="button"
            className="rounded border border-slate-500 px-3 py-1 hover:bg-slate-700"
            onClick={() => signOut().catch(setSignOutError)}
          >
            Sign out
          </button>
        </div>
      </header>
      {screens.length > 0 && (
        <nav aria-label="Main" className="border-b border-slate-200 bg-white px-6">
          <ul className="flex gap-6">
            {screens.map((screen) => (
              <li key={screen.path}>
                <NavLink
                  to={screen.path}
                  className={({ isActive }) =>
                    `inline-block py-3 text-sm ${isActive ? 'border-b-2 border-slate-800 font-semibold' : 'text-slate-600 hover:text-slate-900'}`
                  }
                >
                  {screen.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main className="mx-auto max-w-6xl px-6 py-6">
        <ErrorMessage error={signOutError} />
        <Outlet />
      </main>
    </div>
  );
}
