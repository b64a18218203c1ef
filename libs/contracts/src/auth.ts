import { z } from 'zod';
import { TENANT_ROLES } from './roles.js';
import type { Permission } from './permissions.js';
import type { Role } from './roles.js';

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'Adresse e-mail invalide' }))
  .transform((e) => e.toLowerCase());

export const TenantSlug = z
  .string()
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, {
    error: 'Identifiant de GEIQ invalide (lettres minuscules, chiffres et tirets)',
  });

/** Length limits only: the policy (minimum length, common passwords) is checked by the server with a French message. */
export const Password = z.string().min(1, { error: 'Mot de passe requis' }).max(256, { error: 'Mot de passe trop long (256 caractères au plus)' });

export const LoginRequest = z.strictObject({
  email: Email,
  password: Password,
  tenantSlug: TenantSlug.optional(),
});
export type LoginInput = z.infer<typeof LoginRequest>;

export const RefreshRequest = z.strictObject({ refreshToken: z.string().min(1).max(200) });
export type RefreshInput = z.infer<typeof RefreshRequest>;

export const SwitchTenantRequest = z.strictObject({ tenantSlug: TenantSlug });
export type SwitchTenantInput = z.infer<typeof SwitchTenantRequest>;

export const AcceptInvitationRequest = z.strictObject({
  token: z.string().min(1).max(200),
  password: Password,
  firstName: z.string().trim().min(1, { error: 'Prénom requis' }).max(100),
  lastName: z.string().trim().min(1, { error: 'Nom requis' }).max(100),
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationRequest>;

export const TenantRoleSchema = z.enum(TENANT_ROLES);

export interface SessionUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
}
export interface SessionTenant {
  id: string;
  slug: string;
  name: string;
}
export interface MembershipSummary {
  tenant: SessionTenant;
  role: Role;
}

/** Answer of login, refresh, switch-tenant and accept-invitation. */
export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: SessionUser;
  tenant: SessionTenant | null;
  role: Role;
  /** Every tenant the user may switch to. */
  memberships: MembershipSummary[];
}

export interface MeResponse {
  user: SessionUser;
  tenant: SessionTenant | null;
  role: Role;
  permissions: Permission[];
  memberships: MembershipSummary[];
}
