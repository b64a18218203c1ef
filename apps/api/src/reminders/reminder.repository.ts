import { Injectable } from '@nestjs/common';
import type { PlannedReminder } from '@jalon/domain';
import { Database, type Prisma, type Reminder } from '@jalon/server/database';

@Injectable()
export class ReminderRepository {
  constructor(private readonly db: Database) {}

  /** Reminders of a pathway still to be sent (planned, or queued for the worker). */
  pending(tenantId: string, pathwayId: string): Promise<Reminder[]> {
    return this.db.client.reminder.findMany({ where: { tenantId, pathwayId, status: { in: ['PLANNED', 'QUEUED'] } } });
  }

  async cancel(tenantId: string, ids: string[], at: Date): Promise<void> {
    if (ids.length) await this.db.client.reminder.updateMany({ where: { tenantId, id: { in: ids }, status: { in: ['PLANNED', 'QUEUED'] } }, data: { status: 'CANCELLED', cancelledAt: at } });
  }

  /**
   * Adds what the plan has and the table lacks, and refreshes what it keeps.
   * A key already sent or failed stays as it is; a cancelled one that the plan
   * wants again is planned again.
   */
  async upsertPlanned(tenantId: string, pathwayId: string, reminders: PlannedReminder[]): Promise<void> {
    if (!reminders.length) return;
    await this.db.client.reminder.createMany({
      data: reminders.map((r) => ({
        tenantId,
        pathwayId,
        kind: r.kind,
        dueAt: r.dueAt,
        recipients: r.recipients,
        dedupKey: r.dedupKey,
        data: (r.data ?? {}) as Prisma.InputJsonValue,
      })),
      skipDuplicates: true,
    });
    await this.db.client.reminder.updateMany({
      where: { tenantId, pathwayId, status: 'CANCELLED', dedupKey: { in: reminders.map((r) => r.dedupKey) } },
      data: { status: 'PLANNED', cancelledAt: null, queuedAt: null },
    });
    // A kept key may carry new details (CONTRACT_ENDING's escalation once a jury is set, another send time).
    for (const r of reminders) {
      await this.db.client.reminder.updateMany({
        where: { tenantId, dedupKey: r.dedupKey, status: 'PLANNED' },
        data: { dueAt: r.dueAt, recipients: r.recipients, data: (r.data ?? {}) as Prisma.InputJsonValue },
      });
    }
  }

  /** AFEST cycles not evaluated yet (AFEST_REFLECTION_DUE). */
  openAfestCycles(tenantId: string, pathwayId: string): Promise<{ id: string; situationOn: Date | null; reflectionOn: Date | null }[]> {
    return this.db.client.afestCycle.findMany({ where: { tenantId, pathwayId, evaluationOn: null }, select: { id: true, situationOn: true, reflectionOn: true } });
  }

  list(tenantId: string, pathwayId: string): Promise<Reminder[]> {
    return this.db.client.reminder.findMany({ where: { tenantId, pathwayId }, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }] });
  }
}
