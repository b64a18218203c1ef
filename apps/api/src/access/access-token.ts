import type { Role } from '@jalon/contracts';

/** Claims of Jalon's access tokens (HS256, issuer and audience checked). */
export interface AccessTokenClaims {
  sub: string;
  /** Tenant, or null for the platform administrator. */
  tid: string | null;
  mid: string | null;
  role: Role;
}
