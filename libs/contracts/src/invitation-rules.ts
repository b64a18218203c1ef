import type { Role, TenantRole } from './roles.js';

/**
 * Who may invite whom (shared with the web app, like the permissions) (DESIGN.md §6): a tenant admin invites any tenant role;
 * a coordinator invites the people of a pathway (tutors, employer contacts,
 * candidates), not staff.
 */
const INVITABLE_BY: Partial<Record<Role, readonly TenantRole[]>> = {
  TENANT_ADMIN: ['TENANT_ADMIN', 'COORDINATOR', 'TUTOR', 'EMPLOYER', 'CANDIDATE'],
  COORDINATOR: ['TUTOR', 'EMPLOYER', 'CANDIDATE'],
};

export function canInvite(inviter: Role, invitee: TenantRole): boolean {
  return INVITABLE_BY[inviter]?.includes(invitee) ?? false;
}

export function invitableRoles(inviter: Role): readonly TenantRole[] {
  return INVITABLE_BY[inviter] ?? [];
}
