/** Roles held through a membership of a tenant (a GEIQ). */
export const TENANT_ROLES = ['TENANT_ADMIN', 'COORDINATOR', 'TUTOR', 'EMPLOYER', 'CANDIDATE'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** The GEIQ's own staff: they run the cases and may be a cohort's or a pathway's referent coordinator. */
export const STAFF_ROLES = ['TENANT_ADMIN', 'COORDINATOR'] as const satisfies readonly TenantRole[];

export function isStaffRole(role: string): role is (typeof STAFF_ROLES)[number] {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/** The platform administrator is a user flag, not a membership: it sees tenants, never case data. */
export const PLATFORM_ADMIN = 'PLATFORM_ADMIN' as const;
export type Role = TenantRole | typeof PLATFORM_ADMIN;

/** French labels, for messages and the web app. */
export const ROLE_LABELS: Record<Role, string> = {
  PLATFORM_ADMIN: 'Administrateur de la plateforme',
  TENANT_ADMIN: 'Administrateur du GEIQ',
  COORDINATOR: 'Chargé·e d’accompagnement',
  TUTOR: 'Tuteur en entreprise',
  EMPLOYER: 'Entreprise adhérente',
  CANDIDATE: 'Alternant·e',
};
