import { useSession, hasPermission } from './useSession';

/** Whether the signed-in person's role holds the permission (screens and actions it lacks are not offered). */
export function useCan(permission: string): boolean {
  const session = useSession();
  return hasPermission(session.data, permission);
}
