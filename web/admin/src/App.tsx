import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppShell } from './components/AppShell';
import { ErrorMessage } from './components/ErrorMessage';
import { ProductsPage } from './pages/catalog/ProductsPage';
import { HomePage } from './pages/HomePage';
import { RolesPage } from './pages/RolesPage';
import { SecurityLogPage } from './pages/SecurityLogPage';
import { SignInPage } from './pages/SignInPage';
import { StaffPage } from './pages/StaffPage';
import { useSession } from './session/useSession';

// The catalog's editing screens bring the rich-text editor, forms and drag and drop: each is loaded when opened.
const ProductEditorPage = lazy(() => import('./pages/catalog/ProductEditorPage'));
const CategoriesPage = lazy(() => import('./pages/catalog/CategoriesPage').then((module) => ({ default: module.CategoriesPage })));
const CollectionsPage = lazy(() => import('./pages/catalog/CollectionsPage').then((module) => ({ default: module.CollectionsPage })));
const CollectionEditorPage = lazy(() => import('./pages/catalog/CollectionsPage').then((module) => ({ default: module.CollectionEditorPage })));
const ImportExportPage = lazy(() => import('./pages/catalog/ImportExportPage').then((module) => ({ default: module.ImportExportPage })));

const loading = (screen: ReactNode) => <Suspense fallback={<p className="text-slate-500">Loading…</p>}>{screen}</Suspense>;

export function App() {
  const session = useSession();
  if (session.isPending) return <p className="p-6 text-slate-500">Loading…</p>;
  if (session.isError) return <ErrorMessage error={session.error} />;
  if (!session.data) return <SignInPage />;
  return (
    <Routes>
      <Route element={<AppShell session={session.data} />}>
        <Route index element={<HomePage session={session.data} />} />
        <Route path="products" element={<ProductsPage />} />
        <Route path="products/:id" element={loading(<ProductEditorPage />)} />
        <Route path="categories" element={loading(<CategoriesPage />)} />
        <Route path="collections" element={loading(<CollectionsPage />)} />
        <Route path="collections/:slug" element={loading(<CollectionEditorPage />)} />
        <Route path="import-export" element={loading(<ImportExportPage />)} />
        <Route path="staff" element={<StaffPage />} />
        <Route path="roles" element={<RolesPage />} />
        <Route path="security-log" element={<SecurityLogPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
