import { Injectable, Logger } from '@nestjs/common';
import { JobQueue } from '@jalon/server/jobs';
import { MailTransport } from '@jalon/server/mail';
import { OutboxRepository } from './outbox.repository.js';

/**
 * Sends outbox e-mails, each in its own short transaction that holds the
 * row's lock from before the SMTP exchange to just after: a message another
 * worker is sending waits, then reads SENT, so it goes out once; a worker
 * killed before the commit leaves it PENDING for the sweep.
 */
@Injectable()
export class MailDelivery {
  private readonly logger = new Logger(MailDelivery.name);

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly transport: MailTransport,
    private readonly jobs: JobQueue,
  ) {}

  /** Sends one message unless it is sent already (or gone); throws when SMTP refuses it. */
  async send(tenantId: string, outboxId: string): Promise<void> {
    await this.outbox.sendOnce(tenantId, outboxId, (message) =>
      this.transport.send({ id: message.id, to: message.recipient, subject: message.subject, text: message.textBody ?? '', html: message.htmlBody ?? '' }),
    );
  }

  /**
   * Sends messages just committed (a reminder's), one after the other. One
   * that fails is handed to its own `mail.send` job, with its retries; if
   * Redis is down too, the outbox sweep finds it.
   */
  async sendNow(tenantId: string, outboxIds: string[]): Promise<void> {
    const failed: string[] = [];
    for (const id of outboxIds) {
      try {
        await this.send(tenantId, id);
      } catch (error) {
        this.logger.warn({ outboxId: id, err: error }, 'e-mail not sent at once: queued for retries');
        failed.push(id);
      }
    }
    await this.jobs.enqueueMany('mail.send', failed.map((id) => ({ payload: { tenantId, outboxId: id }, jobId: id })));
  }
}
