import { Injectable } from '@nestjs/common';
import type { MemberStatus, TenantRole } from '@jalon/contracts';
import { Database, pageWithTotal, type Membership, type Prisma } from '@jalon/server/database';

const withUser = { user: { select: { firstName: true, lastName: true, email: true } } } satisfies Prisma.MembershipInclude;
export type Member = Membership & { user: { firstName: string; lastName: string; email: string } };

export interface MemberFilter {
  /** Normalised (normaliseForSearch): matched against the names and the e-mail. */
  search?: string;
  roles?: readonly TenantRole[];
  status?: MemberStatus;
  page: number;
  pageSize: number;
}

/** The tenant's memberships with their user, for managing members (login-time lookups are in auth's MembershipRepository). */
@Injectable()
export class MemberRepository {
  constructor(private readonly db: Database) {}

  async list(tenantId: string, filter: MemberFilter): Promise<{ items: Member[]; total: number }> {
    const where: Prisma.MembershipWhereInput = {
      tenantId,
      ...(filter.roles ? { role: { in: [...filter.roles] } } : {}),
      ...(filter.status ? { disabledAt: filter.status === 'ACTIVE' ? null : { not: null } } : {}),
      ...(filter.search ? { user: { OR: [{ searchName: { contains: filter.search } }, { email: { contains: filter.search } }] } } : {}),
    };
    return pageWithTotal(
      () =>
        this.db.client.membership.findMany({
          where,
          include: withUser,
          orderBy: [{ user: { lastName: 'asc' } }, { user: { firstName: 'asc' } }, { id: 'asc' }],
          skip: (filter.page - 1) * filter.pageSize,
          take: filter.pageSize,
        }),
      () => this.db.client.membership.count({ where }),
    );
  }

  findByUser(tenantId: string, userId: string): Promise<Member | null> {
    return this.db.client.membership.findFirst({ where: { tenantId, userId }, include: withUser });
  }

  /**
   * The tenant's active administrators, locked until the transaction ends: two
   * admins demoting each other at once cannot both see the other one remain.
   */
  async lockActiveAdmins(tenantId: string): Promise<string[]> {
    const rows = await this.db.client.$queryRaw<{ id: string }[]>`
      SELECT id FROM memberships WHERE tenant_id = ${tenantId}::uuid AND role = 'TENANT_ADMIN' AND disabled_at IS NULL FOR UPDATE`;
    return rows.map((r) => r.id);
  }

  async update(tenantId: string, id: string, data: { role?: TenantRole; employerId?: string | null; candidateId?: string | null; disabledAt?: Date | null }): Promise<void> {
    await this.db.client.membership.updateMany({ where: { tenantId, id }, data });
  }
}
