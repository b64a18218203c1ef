import type { Role } from './roles.js';

/**
 * What a role may do, as data shared by the API (the access guard) and the web
 * app (what to show). Record-level visibility (which pathways a tutor sees…)
 * is enforced by the services, not here.
 */
export const Permission = {
  /** Read one's own session (`/auth/me`), switch tenant. */
  SessionRead: 'session:read',
  InvitationsManage: 'invitations:manage',
  PlatformTenantsManage: 'platform:tenants:manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const everyTenantRole: Permission[] = [Permission.SessionRead];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  PLATFORM_ADMIN: [Permission.SessionRead, Permission.PlatformTenantsManage],
  TENANT_ADMIN: [...everyTenantRole, Permission.InvitationsManage],
  COORDINATOR: [...everyTenantRole, Permission.InvitationsManage],
  TUTOR: [...everyTenantRole],
  EMPLOYER: [...everyTenantRole],
  CANDIDATE: [...everyTenantRole],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
