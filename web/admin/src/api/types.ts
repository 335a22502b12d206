/** A set of permissions staff can be given: built-in (owner, administrator, staff) or the merchant's own. */
export interface Role {
  id: string;
  name: string;
  permissions: string[];
  isBuiltIn: boolean;
}

/** A merchant the signed-in person works for, and their role there. */
export interface Membership {
  merchantId: string;
  merchantName: string;
  role: Role;
}

/** What GET /bff/session says about the signed-in person; never a token. */
export interface Session {
  email: string | null;
  accountId: string;
  merchantId: string | null;
  merchantName: string | null;
  role: string | null;
  permissions: string[];
  memberships: Membership[];
}

export interface StaffMember {
  accountId: string;
  email: string;
  role: Role;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
}

export interface StaffList {
  members: StaffMember[];
  invitations: Invitation[];
}

export interface SecurityEvent {
  id: string;
  kind: string;
  occurredAt: string;
  email: string;
  accountId: string | null;
  actorAccountId: string | null;
  /** Who made the change (staff and role changes); null for the platform's operators or a deleted account. */
  actorEmail: string | null;
  detail: string | null;
  clientAddress: string | null;
  userAgent: string | null;
}
