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
  /** The tenant's members: all of them for a tenant admin, the active staff for a coordinator (to pick a referent). */
  UsersRead: 'users:read',
  /** Change a member's role, deactivate or reactivate a membership. */
  UsersManage: 'users:manage',
  PlatformTenantsManage: 'platform:tenants:manage',
  EmployersRead: 'employers:read',
  EmployersManage: 'employers:manage',
  CertificationsRead: 'certifications:read',
  CertificationsManage: 'certifications:manage',
  CandidatesRead: 'candidates:read',
  CandidatesManage: 'candidates:manage',
  CohortsRead: 'cohorts:read',
  CohortsManage: 'cohorts:manage',
  /** Read the pathways the role may see (all of the tenant for staff; scoped for tutors, employers, candidates). */
  PathwaysRead: 'pathways:read',
  /** Create pathways, contracts and placements. */
  PathwaysManage: 'pathways:manage',
  PathwaysTransition: 'pathways:transition',
  /** Upload to a pathway one sees (tutors: their reports; candidates: dossier drafts) and delete one's own uploads. */
  DocumentsUpload: 'documents:upload',
  /** Any kind of document, and deleting anyone's. */
  DocumentsManage: 'documents:manage',
  /** Write progress entries on a pathway one follows (company tutor) or on any (staff). */
  ProgressWrite: 'progress:write',
  /** Comment on a pathway one sees (staff, company tutor, employer contact). */
  CommentsWrite: 'comments:write',
  /** The coordinators' dashboard (all pathways of the tenant). */
  DashboardRead: 'dashboard:read',
  /** The home page of tutors, employer contacts and candidates (their own alternants or pathway). */
  HomeRead: 'home:read',
  /** One's own in-app notifications and e-mail preferences. */
  NotificationsRead: 'notifications:read',
  /** A pathway's planned and sent reminders. */
  RemindersRead: 'reminders:read',
  /** The tenant's reminder lead times and thresholds. */
  SettingsManage: 'settings:manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

/** What every member of a tenant may do; what they see is scoped by the services. */
const everyTenantRole: Permission[] = [Permission.SessionRead, Permission.PathwaysRead, Permission.CertificationsRead, Permission.NotificationsRead];

/** DESIGN.md §6: coordinators run the case; tenant admins do that and manage people. */
const staff: Permission[] = [
  ...everyTenantRole,
  Permission.InvitationsManage,
  Permission.UsersRead,
  Permission.EmployersRead,
  Permission.EmployersManage,
  Permission.CertificationsManage,
  Permission.CandidatesRead,
  Permission.CandidatesManage,
  Permission.CohortsRead,
  Permission.CohortsManage,
  Permission.PathwaysManage,
  Permission.PathwaysTransition,
  Permission.DocumentsUpload,
  Permission.DocumentsManage,
  Permission.ProgressWrite,
  Permission.CommentsWrite,
  Permission.DashboardRead,
  Permission.RemindersRead,
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  PLATFORM_ADMIN: [Permission.SessionRead, Permission.PlatformTenantsManage],
  TENANT_ADMIN: [...staff, Permission.SettingsManage, Permission.UsersManage],
  COORDINATOR: staff,
  TUTOR: [...everyTenantRole, Permission.HomeRead, Permission.DocumentsUpload, Permission.ProgressWrite, Permission.CommentsWrite],
  EMPLOYER: [...everyTenantRole, Permission.HomeRead, Permission.CommentsWrite],
  CANDIDATE: [...everyTenantRole, Permission.HomeRead, Permission.DocumentsUpload],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
