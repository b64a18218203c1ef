import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { RequestContext } from '@jalon/server/context';
import { Database } from '@jalon/server/database';
import { JOBS, type JobPayloads } from '@jalon/server/jobs';
import { JobHandler, type HandlesJob } from '../jobs/job-handler.decorator.js';
import { MailDelivery } from './mail-delivery.js';
import { OutboxRepository } from './outbox.repository.js';

/**
 * Sends one outbox e-mail. Idempotent: the row is locked while sending and a
 * message already SENT is skipped, so a job run twice (retry, two workers,
 * sweep) sends once.
 */
@Injectable()
@JobHandler('mail.send')
export class MailSendJob implements HandlesJob<'mail.send'> {
  private readonly logger = new Logger(MailSendJob.name);

  constructor(
    private readonly db: Database,
    private readonly context: RequestContext,
    private readonly outbox: OutboxRepository,
    private readonly delivery: MailDelivery,
  ) {}

  handle({ tenantId, outboxId }: JobPayloads['mail.send'], job: Job): Promise<void> {
    return this.context.runForTenant(tenantId, async () => {
      try {
        await this.delivery.send(tenantId, outboxId);
      } catch (error) {
        const final = job.attemptsMade + 1 >= (job.opts.attempts ?? JOBS['mail.send'].attempts);
        await this.db.transaction(tenantId, () => this.outbox.markAttemptFailed(tenantId, outboxId, String((error as Error).message ?? error), final));
        if (final) this.logger.error({ outboxId, tenantId }, 'e-mail given up after its last attempt');
        throw error;
      }
    }, `job:${job.id}`);
  }
}
