import { Injectable } from '@nestjs/common';
import type { PlannedReminder } from '@jalon/domain';
import { Database } from '@jalon/server/database';

@Injectable()
export class WeeklyDigestRepository {
  constructor(private readonly db: Database) {}

  /** Active staff members who are the referent coordinator of an open pathway of the tenant. */
  async referents(tenantId: string): Promise<string[]> {
    const rows = await this.db.client.$queryRaw<{ user_id: string }[]>`
      SELECT DISTINCT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.tenant_id = ${tenantId}::uuid AND m.disabled_at IS NULL AND u.disabled_at IS NULL AND m.role IN ('COORDINATOR', 'TENANT_ADMIN')
        AND EXISTS (SELECT 1 FROM pathways p WHERE p.tenant_id = m.tenant_id AND p.referent_coordinator_id = m.user_id AND p.state NOT IN ('CLOSED', 'WITHDRAWN'))
      ORDER BY m.user_id`;
    return rows.map((r) => r.user_id);
  }

  /**
   * Makes the digests still to come exactly `digests`: one no longer wanted
   * is cancelled, one cancelled and wanted again is planned again, a new one
   * is added (a key already there is left as it is). Returns how many were added.
   */
  async sync(tenantId: string, digests: (PlannedReminder & { userId: string })[], now: Date): Promise<number> {
    const keys = digests.map((d) => d.dedupKey);
    await this.db.client.reminder.updateMany({
      where: { tenantId, kind: 'WEEKLY_DIGEST', status: 'PLANNED', dueAt: { gt: now }, dedupKey: { notIn: keys } },
      data: { status: 'CANCELLED', cancelledAt: now },
    });
    if (!digests.length) return 0;
    await this.db.client.reminder.updateMany({
      where: { tenantId, kind: 'WEEKLY_DIGEST', status: 'CANCELLED', dueAt: { gt: now }, dedupKey: { in: keys } },
      data: { status: 'PLANNED', cancelledAt: null, queuedAt: null },
    });
    const { count } = await this.db.client.reminder.createMany({
      data: digests.map((d) => ({ tenantId, userId: d.userId, kind: d.kind, dueAt: d.dueAt, recipients: d.recipients, dedupKey: d.dedupKey, data: {} })),
      skipDuplicates: true,
    });
    return count;
  }
}
