import { Injectable } from '@nestjs/common';
import type { PlannedReminder } from '@jalon/domain';
import { Database, type Prisma, type Reminder } from '../database/index.js';

/** What planning reads of a pathway: its state, current dates and the candidate's birth date. */
export const planningPathway = {
  id: true,
  state: true,
  candidate: { select: { birthDate: true } },
  contracts: {
    orderBy: { startDate: 'asc' },
    select: { startDate: true, plannedEndDate: true, trialEndDate: true, opcoFiledOn: true, opcoDecision: true, actualEndDate: true },
  },
  admissibilities: { where: { isActive: true }, select: { isActive: true, completeOn: true, decision: true, validUntil: true } },
  jurySessions: { where: { isActive: true }, select: { isActive: true, date: true, result: true } },
} satisfies Prisma.PathwaySelect;

export type PlanningPathway = Prisma.PathwayGetPayload<{ select: typeof planningPathway }>;

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

  async tenantSettings(tenantId: string): Promise<unknown> {
    return (await this.db.client.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } }))?.settings ?? {};
  }

  /**
   * A page of the tenant's open pathways after `afterId`, by id, locked until
   * the transaction ends (in id order: the API locks one pathway at a time,
   * so neither waits on the other in a circle).
   */
  async lockOpenPathways(tenantId: string, afterId: string | null, take: number): Promise<PlanningPathway[]> {
    const locked = await this.db.client.$queryRaw<{ id: string }[]>`
      SELECT id FROM pathways
      WHERE tenant_id = ${tenantId}::uuid AND state NOT IN ('CLOSED', 'WITHDRAWN') AND (${afterId}::uuid IS NULL OR id > ${afterId}::uuid)
      ORDER BY id LIMIT ${take}::int FOR UPDATE`;
    if (!locked.length) return [];
    return this.db.client.pathway.findMany({ where: { tenantId, id: { in: locked.map((p) => p.id) } }, select: planningPathway, orderBy: { id: 'asc' } });
  }

  /** Marks the tenant's reminders as to be re-planned with its new settings. */
  async requestReplan(tenantId: string, at: Date): Promise<void> {
    await this.db.client.tenant.update({ where: { id: tenantId }, data: { remindersReplanRequestedAt: at } });
  }

  async replanRequestedAt(tenantId: string): Promise<Date | null> {
    return (await this.db.client.tenant.findUnique({ where: { id: tenantId }, select: { remindersReplanRequestedAt: true } }))?.remindersReplanRequestedAt ?? null;
  }

  /** Done, unless the settings changed again meanwhile (that change has its own re-plan). */
  async clearReplanRequest(tenantId: string, requestedAt: Date): Promise<void> {
    await this.db.client.tenant.updateMany({ where: { id: tenantId, remindersReplanRequestedAt: requestedAt }, data: { remindersReplanRequestedAt: null } });
  }

  /** Tenants (of every one: tenants are not tenant-scoped) whose re-plan was asked more than `olderThanSeconds` ago and is not done. */
  replanRequests(olderThanSeconds: number): Promise<{ id: string; remindersReplanRequestedAt: Date | null }[]> {
    return this.db.client.tenant.findMany({
      where: { remindersReplanRequestedAt: { lte: new Date(Date.now() - olderThanSeconds * 1000) } },
      select: { id: true, remindersReplanRequestedAt: true },
      orderBy: { remindersReplanRequestedAt: 'asc' },
      take: 100,
    });
  }
}
