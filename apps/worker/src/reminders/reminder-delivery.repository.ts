import { Injectable } from '@nestjs/common';
import { Database, toDbDate, type Reminder } from '@jalon/server/database';

export interface Recipient {
  userId: string;
  email: string;
}

@Injectable()
export class ReminderDeliveryRepository {
  constructor(private readonly db: Database) {}

  /** Claims due reminders of every tenant (SKIP LOCKED: two workers never claim the same one). */
  claimDue(stuckAfterSeconds: number, limit: number): Promise<{ id: string; tenant_id: string }[]> {
    return this.db.client.$queryRaw`SELECT id, tenant_id FROM app_claim_due_reminders(make_interval(secs => ${stuckAfterSeconds}), ${limit}::int)`;
  }

  /** Locks the reminder for the rest of the transaction: a job run twice waits, then sees it SENT. */
  async lock(tenantId: string, id: string): Promise<Reminder | null> {
    await this.db.client.$queryRaw`SELECT id FROM reminders WHERE tenant_id = ${tenantId}::uuid AND id = ${id}::uuid FOR UPDATE`;
    return this.db.client.reminder.findFirst({ where: { tenantId, id } });
  }

  pathway(tenantId: string, id: string) {
    return this.db.client.pathway.findFirst({
      where: { tenantId, id },
      select: { id: true, state: true, referentCoordinatorId: true, candidateId: true, candidate: { select: { firstName: true, lastName: true } } },
    });
  }

  /** The people behind the recipient roles of a pathway, today. */
  async recipients(tenantId: string, pathway: { id: string; referentCoordinatorId: string | null; candidateId: string }, roles: string[], today: string): Promise<Recipient[]> {
    const day = toDbDate(today);
    const placement = await this.db.client.placement.findFirst({
      where: { tenantId, pathwayId: pathway.id, startDate: { lte: day }, OR: [{ endDate: null }, { endDate: { gte: day } }] },
      orderBy: { startDate: 'desc' },
      select: { tutorMembershipId: true, employerId: true },
    });
    const or = [
      ...(roles.includes('COORDINATOR') && pathway.referentCoordinatorId ? [{ userId: pathway.referentCoordinatorId }] : []),
      // Without a referent coordinator, the tenant's admins hear of it.
      ...(roles.includes('COORDINATOR') && !pathway.referentCoordinatorId ? [{ role: 'TENANT_ADMIN' as const }] : []),
      ...(roles.includes('TUTOR') && placement ? [{ id: placement.tutorMembershipId }] : []),
      ...(roles.includes('EMPLOYER') && placement ? [{ role: 'EMPLOYER' as const, employerId: placement.employerId }] : []),
      ...(roles.includes('CANDIDATE') ? [{ role: 'CANDIDATE' as const, candidateId: pathway.candidateId }] : []),
    ];
    if (!or.length) return [];
    const members = await this.db.client.membership.findMany({ where: { tenantId, disabledAt: null, OR: or }, select: { user: { select: { id: true, email: true } } } });
    const unique = new Map(members.map((m) => [m.user.id, { userId: m.user.id, email: m.user.email }]));
    return [...unique.values()];
  }

  /** Users who turned off e-mails of this kind (in-app notifications still reach them). */
  async emailOptOuts(tenantId: string, kind: string, userIds: string[]): Promise<Set<string>> {
    const rows = await this.db.client.emailPreference.findMany({ where: { tenantId, kind, email: false, userId: { in: userIds } }, select: { userId: true } });
    return new Set(rows.map((r) => r.userId));
  }

  async notify(tenantId: string, reminderId: string, kind: string, users: string[], message: { title: string; body: string; link: string }): Promise<void> {
    await this.db.client.notification.createMany({
      data: users.map((userId) => ({ tenantId, userId, reminderId, kind, title: message.title, body: message.body, link: message.link })),
      skipDuplicates: true,
    });
  }

  async markSent(tenantId: string, id: string, at: Date): Promise<void> {
    await this.db.client.reminder.updateMany({ where: { tenantId, id }, data: { status: 'SENT', sentAt: at, attempts: { increment: 1 }, lastError: null } });
  }

  async markCancelled(tenantId: string, id: string, at: Date): Promise<void> {
    await this.db.client.reminder.updateMany({ where: { tenantId, id, status: { in: ['PLANNED', 'QUEUED'] } }, data: { status: 'CANCELLED', cancelledAt: at } });
  }

  async markAttemptFailed(tenantId: string, id: string, error: string, final: boolean): Promise<void> {
    await this.db.client.reminder.updateMany({
      where: { tenantId, id, status: 'QUEUED' },
      data: { attempts: { increment: 1 }, lastError: error.slice(0, 500), ...(final ? { status: 'FAILED' } : {}) },
    });
  }
}
