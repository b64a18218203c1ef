import { Injectable } from '@nestjs/common';
import { ErrorCode, PLATFORM_ADMIN, ROLE_PERMISSIONS, type LoginInput, type MeResponse, type TokenResponse } from '@jalon/contracts';
import { RequestContext } from '@jalon/server/context';
import { Database } from '@jalon/server/database';
import { AppError, unauthenticated } from '@jalon/server/errors';
import { AuditTrail } from '../audit/audit-trail.js';
import { LoginThrottle } from './login-throttle.js';
import { MembershipRepository, type MembershipWithTenant } from './membership.repository.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { hashSecret, SessionIssuer, summarise, type SessionSubject } from './session-issuer.js';
import { UserRepository } from './user.repository.js';

/** A refresh with no token at all: the same answer as an unknown one. */
export const refreshMissing = () => new AppError(401, ErrorCode.AuthRefreshInvalid, 'Votre session a expiré. Veuillez vous reconnecter.');

const invalidCredentials = () =>
  new AppError(401, ErrorCode.AuthInvalidCredentials, 'Adresse e-mail ou mot de passe incorrect.');

@Injectable()
export class AuthService {
  constructor(
    private readonly db: Database,
    private readonly context: RequestContext,
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionIssuer,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Checks the credentials and picks the tenant. Unknown e-mail and wrong
   * password give the same answer in the same time; both are audited. The
   * password is hashed between two short transactions, not inside one: a
   * connection held for the hash would make simultaneous logins queue for
   * the pool.
   */
  async authenticate(input: LoginInput, ip: string): Promise<SessionSubject> {
    await this.throttle.beforeAttempt(ip, input.email);
    const user = await this.db.transaction(null, () => this.users.findByEmail(input.email));
    const passwordOk = await this.hasher.verify(user?.passwordHash ?? null, input.password);
    if (!user || !passwordOk || user.disabledAt) {
      await this.db.transaction(null, () => this.audit.record({ action: 'auth.login.failure', entity: 'User', entityId: user?.id ?? null, actorId: user?.id ?? null }));
      await this.throttle.onFailure(input.email);
      throw invalidCredentials();
    }
    await this.throttle.onSuccess(input.email);
    const memberships = await this.db.transaction(null, () => this.memberships.listForUser(user.id));
    return { user, memberships, membership: this.choose(user.isPlatformAdmin, memberships, input.tenantSlug) };
  }

  /** Opens the session chosen by `authenticate`: tokens, and the login's audit row in its tenant. */
  openSession(subject: SessionSubject): Promise<TokenResponse> {
    return this.db.transaction(null, async () => {
      if (subject.membership) await this.db.enterTenant(subject.membership.tenantId);
      await this.audit.record({ action: 'auth.login.success', entity: 'User', entityId: subject.user.id, actorId: subject.user.id });
      return this.sessions.issue(subject);
    });
  }

  /**
   * Rotates a refresh token. Presenting one that was already rotated means it
   * leaked: the whole family is revoked. One revoked before any use belongs to
   * a closed session: refused as expired, without alarm.
   */
  async refresh(token: string): Promise<TokenResponse> {
    const now = new Date();
    const outcome = await this.db.transaction(null, async () => {
      const stored = await this.refreshTokens.findByHash(hashSecret(token));
      if (!stored || stored.expiresAt <= now) return { error: ErrorCode.AuthRefreshInvalid } as const;
      // Revoked without having been used: the session was closed (logout, member deactivated), not stolen.
      if (stored.revokedAt && !stored.rotatedAt) return { error: ErrorCode.AuthRefreshInvalid } as const;
      const rotated = !stored.rotatedAt && !stored.revokedAt && (await this.refreshTokens.markRotated(stored.id, now));
      if (!rotated) {
        await this.refreshTokens.revokeFamily(stored.familyId, now);
        await this.audit.record({ action: 'auth.refresh.reuse', entity: 'RefreshToken', entityId: stored.familyId, actorId: stored.userId });
        return { error: ErrorCode.AuthRefreshReused } as const;
      }
      const subject = await this.subjectFor(stored.userId, stored.membershipId);
      if (!subject) return { error: ErrorCode.AuthRefreshInvalid } as const;
      if (subject.membership) await this.db.enterTenant(subject.membership.tenantId);
      await this.audit.record({ action: 'auth.refresh', entity: 'RefreshToken', entityId: stored.familyId, actorId: stored.userId });
      return { session: await this.sessions.issue(subject, stored.familyId) } as const;
    });
    if ('error' in outcome) {
      throw outcome.error === ErrorCode.AuthRefreshReused
        ? new AppError(401, ErrorCode.AuthRefreshReused, 'Cette session a été fermée par sécurité. Veuillez vous reconnecter.')
        : refreshMissing();
    }
    return outcome.session;
  }

  /** Revokes the refresh token's family. Always answers the same, known token or not. */
  async logout(token: string): Promise<void> {
    await this.db.transaction(null, async () => {
      const stored = await this.refreshTokens.findByHash(hashSecret(token));
      if (!stored) return;
      await this.refreshTokens.revokeFamily(stored.familyId, new Date());
      const membership = stored.membershipId ? (await this.memberships.listForUser(stored.userId)).find((m) => m.membershipId === stored.membershipId) : undefined;
      if (membership) await this.db.enterTenant(membership.tenantId);
      await this.audit.record({ action: 'auth.logout', entity: 'RefreshToken', entityId: stored.familyId, actorId: stored.userId });
    });
  }

  /** Inside the request's unit of work. */
  async me(): Promise<MeResponse> {
    const principal = this.context.principal!;
    const subject = await this.subjectFor(principal.userId, principal.membershipId);
    if (!subject) throw unauthenticated();
    const { user, membership } = subject;
    const role = membership?.role ?? PLATFORM_ADMIN;
    return {
      user: { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName },
      tenant: membership ? { id: membership.tenantId, slug: membership.tenantSlug, name: membership.tenantName } : null,
      role,
      permissions: [...ROLE_PERMISSIONS[role]],
      memberships: summarise(subject.memberships),
    };
  }

  /** Inside the request's unit of work: a new session in another tenant of the same user. */
  async switchTenant(tenantSlug: string): Promise<TokenResponse> {
    const principal = this.context.principal!;
    const subject = await this.subjectFor(principal.userId, null);
    if (!subject) throw unauthenticated();
    const membership = this.choose(false, subject.memberships, tenantSlug);
    await this.audit.record({ action: 'auth.switch-tenant', entity: 'Membership', entityId: membership?.membershipId });
    if (membership) await this.db.enterTenant(membership.tenantId);
    return this.sessions.issue({ ...subject, membership });
  }

  /** The user and the membership a session is for; null if either is gone or disabled. */
  private async subjectFor(userId: string, membershipId: string | null): Promise<SessionSubject | null> {
    const user = await this.users.findById(userId);
    if (!user || user.disabledAt) return null;
    const memberships = await this.memberships.listForUser(user.id);
    if (membershipId === null) return user.isPlatformAdmin ? { user, memberships, membership: null } : { user, memberships, membership: memberships[0] ?? null };
    const membership = memberships.find((m) => m.membershipId === membershipId);
    return membership ? { user, memberships, membership } : null;
  }

  private choose(isPlatformAdmin: boolean, memberships: MembershipWithTenant[], tenantSlug?: string): MembershipWithTenant | null {
    if (tenantSlug) {
      const match = memberships.find((m) => m.tenantSlug === tenantSlug);
      if (!match) throw new AppError(403, ErrorCode.AuthTenantNotAllowed, 'Vous n’avez pas accès à ce GEIQ.');
      return match;
    }
    if (isPlatformAdmin) return null;
    const first = memberships[0];
    if (!first) throw new AppError(403, ErrorCode.AuthNoMembership, 'Votre compte n’est rattaché à aucun GEIQ. Contactez votre administrateur.');
    return first;
  }
}
