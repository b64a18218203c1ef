import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { RequestContext } from '@jalon/server/context';
import { Database } from '@jalon/server/database';
import { JOBS, type JobPayloads } from '@jalon/server/jobs';
import { JobHandler, type HandlesJob } from '../jobs/job-handler.decorator.js';
import { ReminderDelivery } from './reminder-delivery.js';
import { ReminderDeliveryRepository } from './reminder-delivery.repository.js';

/**
 * Sends one reminder (ReminderDelivery: notifications, e-mails, SENT, once).
 * A batch that failed hands each of its reminders to this job: a reminder
 * that keeps failing is marked FAILED after its last attempt, without
 * holding back the others.
 */
@Injectable()
@JobHandler('reminder.send')
export class ReminderSendJob implements HandlesJob<'reminder.send'> {
  private readonly logger = new Logger(ReminderSendJob.name);

  constructor(
    private readonly db: Database,
    private readonly context: RequestContext,
    private readonly reminders: ReminderDeliveryRepository,
    private readonly delivery: ReminderDelivery,
  ) {}

  handle({ tenantId, reminderId }: JobPayloads['reminder.send'], job: Job): Promise<void> {
    return this.context.runForTenant(
      tenantId,
      async () => {
        try {
          await this.delivery.deliver(tenantId, [reminderId]);
        } catch (error) {
          const final = job.attemptsMade + 1 >= (job.opts.attempts ?? JOBS['reminder.send'].attempts);
          await this.db.transaction(tenantId, () => this.reminders.markAttemptFailed(tenantId, reminderId, String((error as Error).message ?? error), final));
          if (final) this.logger.error({ reminderId, tenantId }, 'reminder given up after its last attempt');
          throw error;
        }
      },
      `job:${job.id}`,
    );
  }
}
