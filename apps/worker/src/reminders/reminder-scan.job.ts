import { Injectable, Logger } from '@nestjs/common';
import { DEFAULT_REMINDER_SETTINGS, parisDate, scanReminders, type ReminderSettings } from '@jalon/domain';
import { Database, fromOptionalDbDate, toDbDate, type Prisma } from '@jalon/server/database';
import { reminderSettingsOf } from '@jalon/server/reminders';
import { JobHandler, type HandlesJob } from '../jobs/job-handler.decorator.js';
import { WeeklyDigests } from './weekly-digest.js';

/**
 * Every hour, in each tenant: reminders due to an absence — a company tutor
 * silent for 7 then 14 days, a pathway inactive for 60 — are added as rows
 * (their dedup key names the day the silence began, so a silence is
 * reminded once), and so is each referent coordinator's next weekly digest
 * (its key names the coordinator and the Monday). The sweep sends them like
 * any other.
 */
@Injectable()
@JobHandler('reminder.scan')
export class ReminderScanJob implements HandlesJob<'reminder.scan'> {
  private readonly logger = new Logger(ReminderScanJob.name);

  constructor(
    private readonly db: Database,
    private readonly digests: WeeklyDigests,
  ) {}

  async handle(): Promise<void> {
    const tenants = await this.db.transaction(null, () => this.db.client.tenant.findMany({ select: { id: true, settings: true } }));
    const now = new Date();
    let found = 0;
    for (const tenant of tenants) {
      found += await this.scanTenant(tenant.id, reminderSettingsOf(tenant.settings), now);
    }
    if (found) this.logger.log({ found }, 'absence reminders and weekly digests planned');
  }

  /** One tenant, in its own transaction, as of `now`; returns how many reminders were added. */
  scanTenant(tenantId: string, settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS, now: Date = new Date()): Promise<number> {
    return this.db.transaction(tenantId, async () => (await this.find(tenantId, settings, now)) + (await this.digests.plan(tenantId, settings, now)));
  }

  private async find(tenantId: string, settings: ReminderSettings, now: Date): Promise<number> {
    const today = toDbDate(parisDate(now));
    const rows = await this.db.client.$queryRaw<{ pathway_id: string; placement_start: Date | null; last_entry: Date | null; last_activity_at: Date }[]>`
      SELECT p.id AS pathway_id, pl.start_date AS placement_start, p.last_activity_at, pl.tutor_last_entry_on AS last_entry
      FROM pathways p
      LEFT JOIN LATERAL (
        SELECT x.start_date, x.tutor_last_entry_on FROM placements x
        WHERE x.tenant_id = p.tenant_id AND x.pathway_id = p.id AND x.start_date <= ${today} AND (x.end_date IS NULL OR x.end_date >= ${today})
        ORDER BY x.start_date DESC LIMIT 1
      ) pl ON true
      WHERE p.tenant_id = ${tenantId}::uuid AND p.state NOT IN ('CLOSED', 'WITHDRAWN') AND p.activity = 'ACTIVE'`;
    const reminders = rows.flatMap((r) =>
      scanReminders(
        { pathwayId: r.pathway_id, placementStart: fromOptionalDbDate(r.placement_start), lastEntry: fromOptionalDbDate(r.last_entry), lastActivity: parisDate(r.last_activity_at) },
        settings,
        now,
      ).map((reminder) => ({ ...reminder, pathwayId: r.pathway_id })),
    );
    if (!reminders.length) return 0;
    const { count } = await this.db.client.reminder.createMany({
      data: reminders.map((r) => ({ tenantId, pathwayId: r.pathwayId, kind: r.kind, dueAt: r.dueAt, recipients: r.recipients, dedupKey: r.dedupKey, data: (r.data ?? {}) as Prisma.InputJsonValue })),
      skipDuplicates: true,
    });
    return count;
  }
}
