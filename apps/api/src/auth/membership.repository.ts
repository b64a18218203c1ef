import { Injectable } from '@nestjs/common';
import { STAFF_ROLES, type TenantRole } from '@jalon/contracts';
import { Database, type Membership } from '@jalon/server/database';

export interface MembershipWithTenant {
  membershipId: string;
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  role: TenantRole;
  employerId: string | null;
  candidateId: string | null;
}

@Injectable()
export class MembershipRepository {
  constructor(private readonly db: Database) {}

  /**
   * A user's active memberships in every tenant. Before a tenant is chosen
   * (login, refresh) row-level security hides them all, so this goes through
   * the narrow SECURITY DEFINER function app_user_memberships.
   */
  async listForUser(userId: string): Promise<MembershipWithTenant[]> {
    const rows = await this.db.client.$queryRaw<
      { membership_id: string; tenant_id: string; tenant_slug: string; tenant_name: string; role: TenantRole; employer_id: string | null; candidate_id: string | null }[]
    >`SELECT * FROM app_user_memberships(${userId}::uuid)`;
    return rows.map((r) => ({
      membershipId: r.membership_id,
      tenantId: r.tenant_id,
      tenantSlug: r.tenant_slug,
      tenantName: r.tenant_name,
      role: r.role,
      employerId: r.employer_id,
      candidateId: r.candidate_id,
    }));
  }

  findById(tenantId: string, id: string): Promise<Membership | null> {
    return this.db.client.membership.findFirst({ where: { tenantId, id, disabledAt: null } });
  }

  /** The field error for a referent coordinator who is not among the GEIQ's active staff; null when they are. */
  async referentError(tenantId: string, userId: string): Promise<{ path: string; message: string } | null> {
    return (await this.isActiveStaff(tenantId, userId)) ? null : { path: 'referentCoordinatorId', message: 'Cette personne n’est pas chargée d’accompagnement dans votre GEIQ.' };
  }

  /** Whether the user is active staff of the tenant (admin or coordinator): who may be a referent coordinator. */
  async isActiveStaff(tenantId: string, userId: string): Promise<boolean> {
    const count = await this.db.client.membership.count({ where: { tenantId, userId, disabledAt: null, role: { in: [...STAFF_ROLES] } } });
    return count > 0;
  }

  async recordSignIn(tenantId: string, id: string, at: Date): Promise<void> {
    await this.db.client.membership.updateMany({ where: { tenantId, id }, data: { lastSignInAt: at } });
  }

  findByUser(tenantId: string, userId: string): Promise<Membership | null> {
    return this.db.client.membership.findUnique({ where: { tenantId_userId: { tenantId, userId } } });
  }

  create(tenantId: string, data: { userId: string; role: TenantRole; employerId?: string | null; candidateId?: string | null }): Promise<Membership> {
    return this.db.client.membership.create({
      data: { tenantId, userId: data.userId, role: data.role, employerId: data.employerId ?? null, candidateId: data.candidateId ?? null },
    });
  }
}
