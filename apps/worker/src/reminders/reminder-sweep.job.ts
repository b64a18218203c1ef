import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';
import { Database } from '@jalon/server/database';
import { JobQueue } from '@jalon/server/jobs';
import { ReminderRepository, replanJobId } from '@jalon/server/reminders';
import { JobHandler, type HandlesJob } from '../jobs/job-handler.decorator.js';
import { ReminderDeliveryRepository } from './reminder-delivery.repository.js';

const CLAIM = 1_000;
/** Reminders of one tenant sent in one transaction. */
const BATCH = 100;
/** A re-plan asked this long ago and not done lost its job (Redis was down when the settings changed). */
const REPLAN_GRACE_SECONDS = 30;

/**
 * Every minute (a BullMQ job scheduler kept by the JobRunner): due
 * reminders are claimed in Postgres (PLANNED → QUEUED, SKIP LOCKED) and
 * queued by tenant, in batches of BATCH (`reminder.send-batch`, ids only).
 * Reminders left QUEUED too long — their job was lost with Redis — are
 * claimed again; so are re-plans asked by a settings change and not done.
 */
@Injectable()
@JobHandler('reminder.sweep')
export class ReminderSweepJob implements HandlesJob<'reminder.sweep'> {
  private readonly logger = new Logger(ReminderSweepJob.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly reminders: ReminderDeliveryRepository,
    private readonly planning: ReminderRepository,
    private readonly jobs: JobQueue,
  ) {}

  async handle(): Promise<void> {
    for (;;) {
      const claimed = await this.db.transaction(null, () => this.reminders.claimDue(this.config.worker.reminderStuckAfterSeconds, CLAIM));
      await this.jobs.enqueueMany('reminder.send-batch', batches(claimed).map((payload) => ({ payload })));
      if (claimed.length) this.logger.log({ count: claimed.length }, 'due reminders queued');
      if (claimed.length < CLAIM) break;
    }
    const replans = await this.db.transaction(null, () => this.planning.replanRequests(REPLAN_GRACE_SECONDS));
    await this.jobs.enqueueMany(
      'reminder.replan',
      replans.map((t) => ({ payload: { tenantId: t.id }, jobId: replanJobId(t.id, t.remindersReplanRequestedAt!) })),
    );
  }
}

/** The claimed reminders by tenant, BATCH at most per job. */
function batches(claimed: { id: string; tenant_id: string }[]): { tenantId: string; reminderIds: string[] }[] {
  const byTenant = new Map<string, string[]>();
  for (const { id, tenant_id } of claimed) {
    const ids = byTenant.get(tenant_id) ?? [];
    ids.push(id);
    byTenant.set(tenant_id, ids);
  }
  return [...byTenant].flatMap(([tenantId, ids]) => Array.from({ length: Math.ceil(ids.length / BATCH) }, (_, i) => ({ tenantId, reminderIds: ids.slice(i * BATCH, (i + 1) * BATCH) })));
}
