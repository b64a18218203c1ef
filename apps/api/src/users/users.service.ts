import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  hasPermission,
  isStaffRole,
  normaliseForSearch,
  Permission,
  STAFF_ROLES,
  type ChangeMemberRoleInput,
  type ListMembersInput,
  type MemberView,
  type Page,
} from '@jalon/contracts';
import { RequestContext } from '@jalon/server/context';
import { AppError, notFound } from '@jalon/server/errors';
import { MembershipRevocations } from '../access/membership-revocations.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { RefreshTokenRepository } from '../auth/refresh-token.repository.js';
import { MemberLinks } from './member-links.js';
import { MemberRepository, type Member, type MemberFilter } from './member.repository.js';

type LinkNames = Awaited<ReturnType<MemberLinks['namesOf']>>;

@Injectable()
export class UsersService {
  constructor(
    private readonly context: RequestContext,
    private readonly members: MemberRepository,
    private readonly links: MemberLinks,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly audit: AuditTrail,
    private readonly revocations: MembershipRevocations,
  ) {}

  /** Those who manage members see them all; the other staff see the active staff only (see UsersController). */
  async list(query: ListMembersInput): Promise<Page<MemberView>> {
    const tenantId = this.context.tenantId;
    const full = this.seesEverything();
    let filter: MemberFilter = { search: query.q ? normaliseForSearch(query.q) : undefined, roles: query.role, status: query.status, page: query.page, pageSize: query.pageSize };
    if (!full) {
      const roles = (query.role ?? STAFF_ROLES).filter(isStaffRole);
      if (!roles.length || query.status === 'INACTIVE') return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      filter = { ...filter, roles, status: 'ACTIVE' };
    }
    const { items, total } = await this.members.list(tenantId, filter);
    const names = await this.links.namesOf(tenantId, items);
    return { items: items.map((m) => toView(m, names, full)), total, page: query.page, pageSize: query.pageSize };
  }

  /** Sets the role and the records it needs; refused if it leaves the GEIQ without an active admin. */
  async changeRole(userId: string, input: ChangeMemberRoleInput): Promise<MemberView> {
    const tenantId = this.context.tenantId;
    const before = await this.find(userId);
    await this.links.check(tenantId, input);
    const after = {
      role: input.role,
      employerId: input.role === 'EMPLOYER' || input.role === 'TUTOR' ? (input.employerId ?? null) : null,
      candidateId: input.role === 'CANDIDATE' ? (input.candidateId ?? null) : null,
    };
    const was = { role: before.role, employerId: before.employerId, candidateId: before.candidateId };
    if (was.role === after.role && was.employerId === after.employerId && was.candidateId === after.candidateId) return this.view(before);
    if (before.role === 'TENANT_ADMIN' && after.role !== 'TENANT_ADMIN' && !before.disabledAt) await this.keepAnAdmin(before);
    await this.members.update(tenantId, before.id, after);
    // Its tokens carry the old role (and records): they stop working; a refresh gives the new ones.
    this.revocations.revokeAfterCommit(before.id);
    await this.audit.record({ action: 'membership.role.change', entity: 'Membership', entityId: before.id, before: was, after });
    return this.view(await this.find(userId));
  }

  /** Ends the membership's access: its sessions are signed out (refresh tokens revoked) and it can no longer sign in here. */
  async deactivate(userId: string): Promise<MemberView> {
    const member = await this.find(userId);
    if (member.disabledAt) return this.view(member);
    if (member.role === 'TENANT_ADMIN') await this.keepAnAdmin(member);
    const now = new Date();
    await this.members.update(this.context.tenantId, member.id, { disabledAt: now });
    const signedOut = await this.refreshTokens.revokeForMembership(member.id, now);
    this.revocations.revokeAfterCommit(member.id);
    await this.audit.record({ action: 'membership.deactivate', entity: 'Membership', entityId: member.id, before: { active: true }, after: { active: false, revokedRefreshTokens: signedOut } });
    return this.view(await this.find(userId));
  }

  async reactivate(userId: string): Promise<MemberView> {
    const member = await this.find(userId);
    if (!member.disabledAt) return this.view(member);
    await this.members.update(this.context.tenantId, member.id, { disabledAt: null });
    await this.audit.record({ action: 'membership.reactivate', entity: 'Membership', entityId: member.id, before: { active: false }, after: { active: true } });
    return this.view(await this.find(userId));
  }

  private seesEverything(): boolean {
    return hasPermission(this.context.principal!.role, Permission.UsersManage);
  }

  private async find(userId: string): Promise<Member> {
    const member = await this.members.findByUser(this.context.tenantId, userId);
    if (!member) throw notFound('Cette personne');
    return member;
  }

  /** `leaving` stops being an active admin: another one must remain. */
  private async keepAnAdmin(leaving: Member): Promise<void> {
    const admins = await this.members.lockActiveAdmins(this.context.tenantId);
    if (admins.some((id) => id !== leaving.id)) return;
    const self = leaving.userId === this.context.principal!.userId;
    throw new AppError(
      409,
      ErrorCode.LastTenantAdmin,
      self
        ? 'Vous êtes le dernier administrateur actif de ce GEIQ : nommez d’abord une autre personne administrateur.'
        : 'Cette personne est le dernier administrateur actif de ce GEIQ : nommez d’abord une autre personne administrateur.',
    );
  }

  private async view(member: Member): Promise<MemberView> {
    return toView(member, await this.links.namesOf(this.context.tenantId, [member]), this.seesEverything());
  }
}

function toView(m: Member, names: LinkNames, full: boolean): MemberView {
  const candidate = m.candidateId ? names.candidates.get(m.candidateId) : undefined;
  return {
    id: m.userId,
    membershipId: m.id,
    firstName: m.user.firstName,
    lastName: m.user.lastName,
    email: m.user.email,
    role: m.role,
    employer: m.employerId ? { id: m.employerId, name: names.employers.get(m.employerId) ?? '' } : null,
    candidate: m.candidateId && candidate ? { id: m.candidateId, ...candidate } : null,
    active: !m.disabledAt,
    memberSince: m.createdAt.toISOString(),
    ...(full ? { lastSignInAt: m.lastSignInAt?.toISOString() ?? null } : {}),
  };
}
