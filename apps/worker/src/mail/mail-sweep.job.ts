import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Database } from '@jalon/server/database';
import { JobQueue } from '@jalon/server/jobs';
import { JobHandler, type HandlesJob } from '../jobs/job-handler.decorator.js';
import { OutboxRepository } from './outbox.repository.js';

/** Only messages older than this are re-queued: younger ones were just enqueued by the API. */
const GRACE_SECONDS = 30;
const BATCH = 500;

/**
 * Postgres is the source of truth: every minute, pending outbox messages are
 * enqueued again (job id = message id, so a job still in Redis is not
 * duplicated). A Redis that lost its data, or was down when the API
 * committed, loses nothing.
 */
@Injectable()
@JobHandler('mail.sweep')
export class MailSweepJob implements HandlesJob<'mail.sweep'>, OnApplicationBootstrap {
  private readonly logger = new Logger(MailSweepJob.name);

  constructor(
    private readonly db: Database,
    private readonly outbox: OutboxRepository,
    private readonly jobs: JobQueue,
  ) {}

  /** At start-up, sends what waited while no worker ran (the JobRunner schedules the periodic sweep). */
  async onApplicationBootstrap(): Promise<void> {
    await this.sweep(0);
  }

  handle(): Promise<void> {
    return this.sweep(GRACE_SECONDS);
  }

  private async sweep(olderThanSeconds: number): Promise<void> {
    const pending = await this.db.transaction(null, () => this.outbox.listPending(olderThanSeconds, BATCH));
    for (const message of pending) {
      await this.jobs.enqueue('mail.send', { tenantId: message.tenant_id, outboxId: message.id }, { jobId: message.id });
    }
    if (pending.length) this.logger.log({ count: pending.length }, 'pending e-mails re-queued');
  }
}
