import { Injectable } from '@nestjs/common';
import type { InvitationStatus, TenantRole } from '@jalon/contracts';
import { Database, pageWithTotal, type Invitation, type Prisma } from '@jalon/server/database';

const statusFilter = (status: InvitationStatus, now: Date): Prisma.InvitationWhereInput => {
  switch (status) {
    case 'ACCEPTED':
      return { acceptedAt: { not: null } };
    case 'REVOKED':
      return { acceptedAt: null, revokedAt: { not: null } };
    case 'EXPIRED':
      return { acceptedAt: null, revokedAt: null, expiresAt: { lte: now } };
    case 'PENDING':
      return { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } };
  }
};

@Injectable()
export class InvitationRepository {
  constructor(private readonly db: Database) {}

  create(tenantId: string, data: { email: string; role: TenantRole; employerId: string | null; candidateId: string | null; tokenHash: string; expiresAt: Date; invitedById: string | null }): Promise<Invitation> {
    return this.db.client.invitation.create({ data: { tenantId, ...data } });
  }

  findById(tenantId: string, id: string): Promise<Invitation | null> {
    return this.db.client.invitation.findFirst({ where: { tenantId, id } });
  }

  findPending(tenantId: string, email: string, now: Date): Promise<Invitation | null> {
    return this.db.client.invitation.findFirst({ where: { tenantId, email, ...statusFilter('PENDING', now) } });
  }

  async list(tenantId: string, filter: { status?: InvitationStatus; page: number; pageSize: number }, now: Date): Promise<{ items: Invitation[]; total: number }> {
    const where: Prisma.InvitationWhereInput = { tenantId, ...(filter.status ? statusFilter(filter.status, now) : {}) };
    return pageWithTotal(
      () => this.db.client.invitation.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (filter.page - 1) * filter.pageSize, take: filter.pageSize }),
      () => this.db.client.invitation.count({ where }),
    );
  }

  /**
   * The tenant an invitation token belongs to. Acceptance starts without a
   * tenant, so this asks the narrow SECURITY DEFINER function instead of
   * reading the table across tenants.
   */
  async tenantOfToken(tokenHash: string): Promise<string | null> {
    const rows = await this.db.client.$queryRaw<{ tenant_id: string | null }[]>`SELECT app_invitation_tenant(${tokenHash}) AS tenant_id`;
    return rows[0]?.tenant_id ?? null;
  }

  /** Locks the invitation for the rest of the transaction: two acceptances of one link cannot both win. */
  async lockByTokenHash(tenantId: string, tokenHash: string): Promise<Invitation | null> {
    await this.db.client.$queryRaw`SELECT id FROM invitations WHERE tenant_id = ${tenantId}::uuid AND token_hash = ${tokenHash} FOR UPDATE`;
    return this.db.client.invitation.findFirst({ where: { tenantId, tokenHash } });
  }

  async markAccepted(tenantId: string, id: string, at: Date): Promise<void> {
    await this.db.client.invitation.updateMany({ where: { tenantId, id }, data: { acceptedAt: at } });
  }

  async revoke(tenantId: string, id: string, at: Date): Promise<void> {
    await this.db.client.invitation.updateMany({ where: { tenantId, id }, data: { revokedAt: at } });
  }
}

