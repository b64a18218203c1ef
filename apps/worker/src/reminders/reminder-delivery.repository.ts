import { Injectable } from '@nestjs/common';
import { Database, toDbDate, uuidv7, type Prisma, type Role } from '@jalon/server/database';

export interface Recipient {
  userId: string;
  email: string;
}

/** A reminder as the sender reads it, under its row lock. */
export interface LockedReminder {
  id: string;
  pathwayId: string | null;
  userId: string | null;
  kind: string;
  dueAt: Date;
  recipients: string[];
  data: Record<string, unknown>;
  status: string;
}

export interface ReminderPathway {
  id: string;
  state: string;
  referentCoordinatorId: string | null;
  candidateId: string;
  candidate: { firstName: string; lastName: string };
}

/** A member who may receive reminders: who they are in the tenant, and their address. */
export interface Member {
  id: string;
  userId: string;
  role: Role;
  employerId: string | null;
  candidateId: string | null;
  user: { id: string; email: string; firstName: string };
}

export interface Notice {
  reminderId: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

@Injectable()
export class ReminderDeliveryRepository {
  constructor(private readonly db: Database) {}

  /** Claims due reminders of every tenant (SKIP LOCKED: two workers never claim the same one). */
  claimDue(stuckAfterSeconds: number, limit: number): Promise<{ id: string; tenant_id: string }[]> {
    return this.db.client.$queryRaw`SELECT id, tenant_id FROM app_claim_due_reminders(make_interval(secs => ${stuckAfterSeconds}), ${limit}::int)`;
  }

  /**
   * Locks the reminders for the rest of the transaction (in id order, so two
   * batches that share some never deadlock) and reads them: a job run twice
   * waits, then sees them SENT.
   */
  lock(tenantId: string, ids: string[]): Promise<LockedReminder[]> {
    return this.db.client.$queryRaw<LockedReminder[]>`
      SELECT id, pathway_id AS "pathwayId", user_id AS "userId", kind, due_at AS "dueAt", recipients, data, status::text AS status
      FROM reminders WHERE tenant_id = ${tenantId}::uuid AND id = ANY (${ids}::uuid[])
      ORDER BY id FOR UPDATE`;
  }

  pathways(tenantId: string, ids: string[]): Promise<ReminderPathway[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db.client.pathway.findMany({
      where: { tenantId, id: { in: ids } },
      select: { id: true, state: true, referentCoordinatorId: true, candidateId: true, candidate: { select: { firstName: true, lastName: true } } },
    });
  }

  /** The current placement of each pathway on `today` (the latest started), by pathway. */
  async currentPlacements(tenantId: string, pathwayIds: string[], today: string): Promise<Map<string, { tutorMembershipId: string; employerId: string }>> {
    if (!pathwayIds.length) return new Map();
    const day = toDbDate(today);
    const rows = await this.db.client.placement.findMany({
      where: { tenantId, pathwayId: { in: pathwayIds }, startDate: { lte: day }, OR: [{ endDate: null }, { endDate: { gte: day } }] },
      orderBy: [{ startDate: 'desc' }, { id: 'asc' }],
      select: { pathwayId: true, tutorMembershipId: true, employerId: true },
    });
    const current = new Map<string, { tutorMembershipId: string; employerId: string }>();
    for (const row of rows) if (!current.has(row.pathwayId)) current.set(row.pathwayId, row);
    return current;
  }

  /** Active members matching any of `who` (people behind recipient roles), with their addresses. */
  members(tenantId: string, who: Prisma.MembershipWhereInput[]): Promise<Member[]> {
    if (!who.length) return Promise.resolve([]);
    return this.db.client.membership.findMany({
      where: { tenantId, disabledAt: null, user: { disabledAt: null }, OR: who },
      select: { id: true, userId: true, role: true, employerId: true, candidateId: true, user: { select: { id: true, email: true, firstName: true } } },
    });
  }

  /** `userId:kind` of the users who turned off e-mails of those kinds (in-app notifications still reach them). */
  async emailOptOuts(tenantId: string, kinds: string[], userIds: string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows = await this.db.client.emailPreference.findMany({
      where: { tenantId, kind: { in: kinds }, email: false, userId: { in: userIds } },
      select: { userId: true, kind: true },
    });
    return new Set(rows.map((r) => `${r.userId}:${r.kind}`));
  }

  /**
   * The in-app notifications, one statement for all (a notification already
   * there for the reminder and user is kept). The batch writes are plain SQL
   * over arrays: Prisma's createMany and updateMany cost a few milliseconds
   * of CPU per hundred rows, which the 08:00 peak multiplies.
   */
  async notify(tenantId: string, notices: Notice[]): Promise<void> {
    if (!notices.length) return;
    await this.db.client.$executeRaw`
      INSERT INTO notifications (id, tenant_id, user_id, reminder_id, kind, title, body, link)
      SELECT n.id, ${tenantId}::uuid, n.user_id, n.reminder_id, n.kind, n.title, n.body, n.link
      FROM unnest(${notices.map(() => uuidv7())}::uuid[], ${notices.map((n) => n.userId)}::uuid[], ${notices.map((n) => n.reminderId)}::uuid[],
                  ${notices.map((n) => n.kind)}::text[], ${notices.map((n) => n.title)}::text[], ${notices.map((n) => n.body)}::text[], ${notices.map((n) => n.link)}::text[])
        AS n(id, user_id, reminder_id, kind, title, body, link)
      ON CONFLICT (reminder_id, user_id) DO NOTHING`;
  }

  async markSent(tenantId: string, ids: string[], at: Date): Promise<void> {
    if (!ids.length) return;
    await this.db.client.$executeRaw`
      UPDATE reminders SET status = 'SENT', sent_at = ${at}, attempts = attempts + 1, last_error = NULL, updated_at = now()
      WHERE tenant_id = ${tenantId}::uuid AND id = ANY (${ids}::uuid[])`;
  }

  async markCancelled(tenantId: string, ids: string[], at: Date): Promise<void> {
    if (!ids.length) return;
    await this.db.client.$executeRaw`
      UPDATE reminders SET status = 'CANCELLED', cancelled_at = ${at}, updated_at = now()
      WHERE tenant_id = ${tenantId}::uuid AND id = ANY (${ids}::uuid[]) AND status IN ('PLANNED', 'QUEUED')`;
  }

  async markAttemptFailed(tenantId: string, id: string, error: string, final: boolean): Promise<void> {
    await this.db.client.reminder.updateMany({
      where: { tenantId, id, status: 'QUEUED' },
      data: { attempts: { increment: 1 }, lastError: error.slice(0, 500), ...(final ? { status: 'FAILED' } : {}) },
    });
  }
}
