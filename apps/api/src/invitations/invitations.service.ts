import { Inject, Injectable } from '@nestjs/common';
import {
  canInvite,
  ErrorCode,
  ROLE_LABELS,
  type AcceptInvitationInput,
  type CreateInvitationInput,
  type InvitationStatus,
  type InvitationView,
  type ListInvitationsInput,
  type Page,
  type TokenResponse,
} from '@jalon/contracts';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';
import { RequestContext } from '@jalon/server/context';
import { Database, type Invitation } from '@jalon/server/database';
import { AppError, notFound } from '@jalon/server/errors';
import { invitationEmail, Outbox } from '@jalon/server/mail';
import { AuditTrail } from '../audit/audit-trail.js';
import { MembershipRepository } from '../auth/membership.repository.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { hashSecret, newSecret, SessionIssuer } from '../auth/session-issuer.js';
import { UserRepository } from '../auth/user.repository.js';
import { TenantRepository } from '../tenants/tenant.repository.js';
import { MemberLinks } from '../users/member-links.js';
import { InvitationRepository } from './invitation.repository.js';

const invalidInvitation = () =>
  new AppError(410, ErrorCode.InvitationInvalid, 'Ce lien d’invitation n’est plus valide (déjà utilisé, annulé ou expiré). Demandez une nouvelle invitation.');

@Injectable()
export class InvitationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly context: RequestContext,
    private readonly invitations: InvitationRepository,
    private readonly tenants: TenantRepository,
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionIssuer,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly links: MemberLinks,
  ) {}

  /** A tenant admin or coordinator invites someone into their tenant. */
  async invite(input: CreateInvitationInput): Promise<InvitationView> {
    const principal = this.context.principal!;
    if (!canInvite(principal.role, input.role)) {
      throw new AppError(403, ErrorCode.InvitationRoleNotAllowed, `Votre rôle ne permet pas d’inviter un·e « ${ROLE_LABELS[input.role]} ».`);
    }
    return this.issue(this.context.tenantId, input, principal.userId);
  }

  /**
   * Writes the invitation and its e-mail (outbox) in the current transaction.
   * Used as is by the platform administrator for a new tenant's first admin.
   */
  async issue(tenantId: string, input: CreateInvitationInput, invitedById: string | null): Promise<InvitationView> {
    const now = new Date();
    const existingUser = await this.users.findByEmail(input.email);
    const membership = existingUser && (await this.memberships.findByUser(tenantId, existingUser.id));
    if (membership) {
      throw new AppError(
        409,
        ErrorCode.InvitationAlreadyMember,
        membership.disabledAt ? 'Cette personne est déjà membre de votre GEIQ, avec un accès désactivé : réactivez-le depuis la page Utilisateurs.' : 'Cette personne a déjà accès à votre GEIQ.',
      );
    }
    if (await this.invitations.findPending(tenantId, input.email, now)) {
      throw new AppError(409, ErrorCode.InvitationAlreadyPending, 'Une invitation est déjà en attente pour cette adresse. Annulez-la pour en envoyer une nouvelle.');
    }
    await this.links.check(tenantId, input);
    const secret = newSecret();
    const expiresAt = new Date(now.getTime() + this.config.auth.invitationTtlDays * 86_400_000);
    const invitation = await this.invitations.create(tenantId, {
      email: input.email,
      role: input.role,
      employerId: input.employerId ?? null,
      candidateId: input.candidateId ?? null,
      tokenHash: secret.hash,
      expiresAt,
      invitedById,
    });
    const tenant = await this.tenants.findById(tenantId);
    const url = `${this.config.http.publicUrl}/invitation?token=${encodeURIComponent(secret.token)}`;
    await this.outbox.queueEmail(tenantId, {
      kind: 'INVITATION',
      to: input.email,
      ...invitationEmail({ tenantName: tenant!.name, roleLabel: ROLE_LABELS[input.role], url, expiresAt }),
    });
    const view = toView(invitation, now);
    await this.audit.record({ action: 'invitation.create', entity: 'Invitation', entityId: invitation.id, after: { role: view.role, employerId: view.employerId, candidateId: view.candidateId } });
    return view;
  }

  async list(query: ListInvitationsInput): Promise<Page<InvitationView>> {
    const now = new Date();
    const { items, total } = await this.invitations.list(this.context.tenantId, query, now);
    return { items: items.map((i) => toView(i, now)), total, page: query.page, pageSize: query.pageSize };
  }

  async revoke(id: string): Promise<void> {
    const tenantId = this.context.tenantId;
    const invitation = await this.invitations.findById(tenantId, id);
    // A coordinator does not see invitations of staff roles.
    if (!invitation || !canInvite(this.context.principal!.role, invitation.role)) throw notFound('Cette invitation');
    if (invitation.acceptedAt) throw new AppError(409, ErrorCode.InvitationAlreadyAccepted, 'Cette invitation a déjà été acceptée : elle ne peut plus être annulée.');
    if (invitation.revokedAt) return;
    await this.invitations.revoke(tenantId, id, new Date());
    await this.audit.record({ action: 'invitation.revoke', entity: 'Invitation', entityId: id });
  }

  /**
   * Accepts an invitation with its single-use token: creates the user (or,
   * for an existing account, checks its password and links it), the
   * membership, and opens a session. All or nothing.
   */
  accept(input: AcceptInvitationInput): Promise<TokenResponse> {
    const tokenHash = hashSecret(input.token);
    return this.db.transaction(null, async () => {
      const tenantId = await this.invitations.tenantOfToken(tokenHash);
      if (!tenantId) throw invalidInvitation();
      await this.db.enterTenant(tenantId);
      const invitation = await this.invitations.lockByTokenHash(tenantId, tokenHash);
      const now = new Date();
      if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) throw invalidInvitation();

      let user = await this.users.findByEmail(invitation.email);
      if (user) {
        if (!(await this.hasher.verify(user.passwordHash, input.password))) {
          throw new AppError(401, ErrorCode.AuthInvalidCredentials, 'Un compte existe déjà pour cette adresse : saisissez son mot de passe actuel pour accepter l’invitation.');
        }
      } else {
        this.hasher.assertAcceptable(input.password, invitation.email);
        user = await this.users.create({
          email: invitation.email,
          passwordHash: await this.hasher.hash(input.password),
          firstName: input.firstName,
          lastName: input.lastName,
        });
      }
      const membership =
        (await this.memberships.findByUser(tenantId, user.id)) ??
        (await this.memberships.create(tenantId, { userId: user.id, role: invitation.role, employerId: invitation.employerId, candidateId: invitation.candidateId }));
      await this.invitations.markAccepted(tenantId, invitation.id, now);
      await this.audit.record({ action: 'invitation.accept', entity: 'Invitation', entityId: invitation.id, actorId: user.id });
      await this.audit.record({ action: 'membership.create', entity: 'Membership', entityId: membership.id, actorId: user.id, after: { role: membership.role } });

      const memberships = await this.memberships.listForUser(user.id);
      return this.sessions.issue({ user, memberships, membership: memberships.find((m) => m.membershipId === membership.id)! });
    });
  }
}

function statusOf(invitation: Invitation, now: Date): InvitationStatus {
  if (invitation.acceptedAt) return 'ACCEPTED';
  if (invitation.revokedAt) return 'REVOKED';
  return invitation.expiresAt <= now ? 'EXPIRED' : 'PENDING';
}

function toView(invitation: Invitation, now: Date): InvitationView {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    employerId: invitation.employerId,
    candidateId: invitation.candidateId,
    status: statusOf(invitation, now),
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
    acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
  };
}
