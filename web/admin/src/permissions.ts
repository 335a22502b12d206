/** How each platform permission reads in the admin; a permission the platform adds later shows by its name. */
const descriptions: Record<string, string> = {
  'products:read': 'See products',
  'products:write': 'Change products',
  'inventory:read': 'See stock',
  'inventory:write': 'Change stock',
  'customers:read': 'See customers',
  'customers:write': 'Change customers',
  'staff:manage': 'Manage staff and roles',
  'security:read': 'Read the security log',
};

export function describePermission(permission: string): string {
  return descriptions[permission] ?? permission;
}

export const STAFF_MANAGE = 'staff:manage';
export const PRODUCTS_READ = 'products:read';
export const PRODUCTS_WRITE = 'products:write';
export const SECURITY_READ = 'security:read';

/**
 * Every permission a role can grant: the built-in Owner role holds all of them, and Identity keeps it in step with
 * the platform's list, so the admin needs no copy of its own.
 */
export function grantablePermissions(roles: { id: string; isBuiltIn: boolean; permissions: string[] }[]): string[] {
  return roles.find((role) => role.isBuiltIn && role.id === 'owner')?.permissions ?? [];
}
