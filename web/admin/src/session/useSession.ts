import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import type { Session } from '../api/types';

export const SESSION_KEY = ['session'] as const;

/** The signed-in person, or null when signed out (the backend answers 401). */
export async function fetchSession(): Promise<Session | null> {
  try {
    return await api<Session>('/bff/session');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });
}

export function hasPermission(session: Session | null | undefined, permission: string): boolean {
  return session?.permissions.includes(permission) ?? false;
}

/**
 * Switches the merchant the session acts for. Everything read so far belongs to the previous merchant, so every
 * cached answer is dropped and the screen on view reads again.
 */
export function useSwitchMerchant() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (merchantId: string) => api<unknown>('/bff/merchant', { method: 'POST', body: { merchantId } }),
    onSuccess: async () => {
      await Promise.all([
        queries.invalidateQueries({ queryKey: SESSION_KEY }),
        queries.resetQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] }),
      ]);
    },
  });
}

/** Ends the session here and at Identity (the browser goes to Identity's sign-out, which returns to the admin). */
export async function signOut(): Promise<void> {
  const { signedOutUrl } = await api<{ signedOutUrl: string }>('/bff/logout', { method: 'POST' });
  window.location.assign(signedOutUrl);
}

/** Where the Sign in button goes: the backend starts the sign-in at Identity and returns to this page. */
export function signInUrl(returnTo: string): string {
  return `/bff/login?returnTo=${encodeURIComponent(returnTo)}`;
}
