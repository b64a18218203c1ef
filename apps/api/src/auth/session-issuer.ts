import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { PLATFORM_ADMIN, type MembershipSummary, type TokenResponse } from '@jalon/contracts';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';
import type { AccessTokenClaims } from '../access/access-token.js';
import { JWT_ALGORITHM } from '../access/jwt.strategy.js';
import { MembershipRepository, type MembershipWithTenant } from './membership.repository.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';

export interface SessionSubject {
  user: { id: string; email: string; firstName: string; lastName: string; isPlatformAdmin: boolean };
  /** The tenant the session acts in; null for a platform administrator's session. */
  membership: MembershipWithTenant | null;
  memberships: MembershipWithTenant[];
}

/** Opaque secrets (refresh tokens, invitation tokens): 256 random bits, stored as sha256 only. */
export function newSecret(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecret(token) };
}

export const hashSecret = (token: string) => createHash('sha256').update(token).digest('hex');

/** Issues access tokens (JWT) and refresh tokens (opaque, rotated, in families). */
@Injectable()
export class SessionIssuer {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  /**
   * Must run inside a unit of work, in the session's tenant: the refresh token
   * is stored with the caller's change. Without `familyId` the session is a
   * new sign-in, recorded on the membership (a refresh continues a family).
   */
  async issue(subject: SessionSubject, familyId?: string): Promise<TokenResponse> {
    const { user, membership } = subject;
    if (membership && !familyId) await this.memberships.recordSignIn(membership.tenantId, membership.membershipId, new Date());
    const claims: Omit<AccessTokenClaims, 'iat'> = {
      sub: user.id,
      tid: membership?.tenantId ?? null,
      mid: membership?.membershipId ?? null,
      role: membership?.role ?? PLATFORM_ADMIN,
      ims: Date.now(),
    };
    const ttl = this.config.auth.accessTokenTtlSeconds;
    const accessToken = await this.jwt.signAsync(claims, {
      algorithm: JWT_ALGORITHM,
      secret: this.config.auth.jwtSecret,
      issuer: this.config.auth.issuer,
      audience: this.config.auth.audience,
      expiresIn: ttl,
      jwtid: randomUUID(),
    });
    const refresh = newSecret();
    await this.refreshTokens.create({
      userId: user.id,
      membershipId: membership?.membershipId ?? null,
      familyId: familyId ?? randomUUID(),
      tokenHash: refresh.hash,
      expiresAt: new Date(Date.now() + this.config.auth.refreshTokenTtlDays * 86_400_000),
    });
    return {
      accessToken,
      refreshToken: refresh.token,
      expiresIn: ttl,
      user: { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName },
      tenant: membership ? { id: membership.tenantId, slug: membership.tenantSlug, name: membership.tenantName } : null,
      role: claims.role,
      memberships: summarise(subject.memberships),
    };
  }
}

export function summarise(memberships: MembershipWithTenant[]): MembershipSummary[] {
  return memberships.map((m) => ({ tenant: { id: m.tenantId, slug: m.tenantSlug, name: m.tenantName }, role: m.role }));
}
