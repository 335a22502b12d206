import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { ApiError } from './api/client';
import { App } from './App';
import { SESSION_KEY } from './session/useSession';
import './index.css';

// A call answered 401 means the session ended (signed out elsewhere, expired): read the session again, which
// shows the sign-in page.
function onSessionEnded(error: unknown) {
  if (error instanceof ApiError && error.status === 401) void queries.invalidateQueries({ queryKey: SESSION_KEY });
}

const queries: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onSessionEnded }),
  mutationCache: new MutationCache({ onError: onSessionEnded }),
  defaultOptions: {
    queries: {
      // A refusal or a missing page will not change by asking again.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// A data router, so the product editor can hold back navigation while it has unsaved changes; App's own <Routes>
// choose the screen.
const router = createBrowserRouter([{ path: '*', element: <App /> }]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
