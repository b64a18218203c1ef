import { Injectable } from '@nestjs/common';
import { Database } from '../database/index.js';
import { JobQueue } from '../jobs/index.js';

export interface EmailToQueue {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Transactional outbox: the e-mail is written in the same transaction as the
 * change that causes it, and enqueued for the worker once that commits. If
 * Redis is down then, the worker's sweep finds the row later.
 */
@Injectable()
export class Outbox {
  constructor(
    private readonly db: Database,
    private readonly jobs: JobQueue,
  ) {}

  async queueEmail(tenantId: string, email: EmailToQueue): Promise<string> {
    const row = await this.db.client.outboxMessage.create({
      data: {
        tenantId,
        kind: email.kind,
        recipient: email.to,
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html,
      },
      select: { id: true },
    });
    this.db.afterCommit(() => this.jobs.enqueue('mail.send', { tenantId, outboxId: row.id }, { jobId: row.id }));
    return row.id;
  }

}
