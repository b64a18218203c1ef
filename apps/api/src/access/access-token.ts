import type { Role } from '@jalon/contracts';

/** Claims of Jalon's access tokens (HS256, issuer and audience checked). */
export interface AccessTokenClaims {
  sub: string;
  /** Tenant, or null for the platform administrator. */
  tid: string | null;
  mid: string | null;
  role: Role;
  /** Issued at (seconds), set by the signer. */
  iat: number;
  /** Issued at, in milliseconds: whether the token predates its membership's revocation (MembershipRevocations). */
  ims?: number;
}
