import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';
import { Database } from '@jalon/server/database';
import { JobQueue } from '@jalon/server/jobs';
import { JobHandler, type HandlesJob } from '../jobs/job-handler.decorator.js';
import { ReminderDeliveryRepository } from './reminder-delivery.repository.js';

const BATCH = 1_000;

/**
 * Every minute (a BullMQ job scheduler kept by the JobRunner): due
 * reminders are claimed in Postgres (PLANNED → QUEUED, SKIP LOCKED) and one
 * job each is enqueued with the reminder's id as job id. Reminders left
 * QUEUED too long — their job was lost with Redis — are claimed again.
 */
@Injectable()
@JobHandler('reminder.sweep')
export class ReminderSweepJob implements HandlesJob<'reminder.sweep'> {
  private readonly logger = new Logger(ReminderSweepJob.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly reminders: ReminderDeliveryRepository,
    private readonly jobs: JobQueue,
  ) {}

  async handle(): Promise<void> {
    for (;;) {
      const claimed = await this.db.transaction(null, () => this.reminders.claimDue(this.config.worker.reminderStuckAfterSeconds, BATCH));
      for (const reminder of claimed) {
        await this.jobs.enqueue('reminder.send', { tenantId: reminder.tenant_id, reminderId: reminder.id }, { jobId: reminder.id });
      }
      if (claimed.length) this.logger.log({ count: claimed.length }, 'due reminders queued');
      if (claimed.length < BATCH) return;
    }
  }
}
