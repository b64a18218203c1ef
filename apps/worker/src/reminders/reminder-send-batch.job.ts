import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { RequestContext } from '@jalon/server/context';
import { JobQueue, type JobPayloads } from '@jalon/server/jobs';
import { JobHandler, type HandlesJob } from '../jobs/job-handler.decorator.js';
import { ReminderDelivery } from './reminder-delivery.js';

/**
 * Sends the due reminders of one tenant that the sweep claimed together, in
 * one transaction. If that fails, each reminder goes to its own
 * `reminder.send` job, so one that cannot be sent holds back no other.
 */
@Injectable()
@JobHandler('reminder.send-batch')
export class ReminderSendBatchJob implements HandlesJob<'reminder.send-batch'> {
  private readonly logger = new Logger(ReminderSendBatchJob.name);

  constructor(
    private readonly context: RequestContext,
    private readonly delivery: ReminderDelivery,
    private readonly jobs: JobQueue,
  ) {}

  handle({ tenantId, reminderIds }: JobPayloads['reminder.send-batch'], job: Job): Promise<void> {
    return this.context.runForTenant(
      tenantId,
      async () => {
        try {
          await this.delivery.deliver(tenantId, reminderIds);
        } catch (error) {
          this.logger.warn({ tenantId, count: reminderIds.length, err: error }, 'reminder batch failed: each reminder is retried on its own');
          // If Redis refuses these too, the batch job is retried, and the sweep claims its reminders again later.
          await this.jobs.enqueueMany('reminder.send', reminderIds.map((reminderId) => ({ payload: { tenantId, reminderId }, jobId: reminderId })));
        }
      },
      `job:${job.id}`,
    );
  }
}
