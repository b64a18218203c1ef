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

/** The refresh token: in the body, or (browsers, cookie mode) omitted and read from the cookie. */
export const RefreshRequest = z.strictObject({ refreshToken: z.string().min(1).max(200).optional() });
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

/**
 * Browsers ask for cookie mode with this request header on login, refresh,
 * switch-tenant, logout and accept-invitation: the refresh token then travels
 * only in an httpOnly, Secure, SameSite=Strict cookie limited to the auth
 * routes, and never appears in a body scripts could read.
 */
export const SESSION_MODE_HEADER = 'x-jalon-session';
export const SESSION_MODE_COOKIE = 'cookie';
export const REFRESH_COOKIE_NAME = 'jalon_refresh';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

/** A session answer: `refreshToken` is absent in cookie mode. */
export type SessionResponse = Omit<TokenResponse, 'refreshToken'> & { refreshToken?: string };

/** What a new password must be, for the page where one is chosen (`GET /auth/password-rules`). */
export interface PasswordRules {
  minLength: number;
}

export interface MeResponse {
  user: SessionUser;
  tenant: SessionTenant | null;
  role: Role;
  permissions: Permission[];
  memberships: MembershipSummary[];
}
