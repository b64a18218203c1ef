import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { parisDate } from '@jalon/domain';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';
import { RequestContext } from '@jalon/server/context';
import { Database } from '@jalon/server/database';
import { JOBS, type JobPayloads } from '@jalon/server/jobs';
import { Outbox, reminderEmail } from '@jalon/server/mail';
import { JobHandler, type HandlesJob } from '../jobs/job-handler.decorator.js';
import { ReminderDeliveryRepository } from './reminder-delivery.repository.js';
import { reminderMessage } from './reminder-messages.js';

const CLOSED = new Set(['CLOSED', 'WITHDRAWN']);

/**
 * Sends one reminder: an in-app notification and an e-mail (through the
 * outbox) for each recipient, then SENT, all in one transaction holding the
 * reminder's row lock. A job run twice finds it SENT and does nothing; a
 * reminder cancelled meanwhile, or whose pathway is closed, is skipped.
 */
@Injectable()
@JobHandler('reminder.send')
export class ReminderSendJob implements HandlesJob<'reminder.send'> {
  private readonly logger = new Logger(ReminderSendJob.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly context: RequestContext,
    private readonly reminders: ReminderDeliveryRepository,
    private readonly outbox: Outbox,
  ) {}

  handle({ tenantId, reminderId }: JobPayloads['reminder.send'], job: Job): Promise<void> {
    return this.context.runForTenant(
      tenantId,
      async () => {
        try {
          await this.db.transaction(tenantId, () => this.deliver(tenantId, reminderId));
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

  private async deliver(tenantId: string, reminderId: string): Promise<void> {
    const reminder = await this.reminders.lock(tenantId, reminderId);
    if (!reminder || reminder.status !== 'QUEUED') return;
    const now = new Date();
    const pathway = reminder.pathwayId ? await this.reminders.pathway(tenantId, reminder.pathwayId) : null;
    if (!pathway || CLOSED.has(pathway.state)) {
      await this.reminders.markCancelled(tenantId, reminderId, now);
      return;
    }
    const recipients = await this.reminders.recipients(tenantId, pathway, reminder.recipients, parisDate(now));
    const candidate = `${pathway.candidate.firstName} ${pathway.candidate.lastName}`;
    const { title, line } = reminderMessage(reminder.kind, candidate, { ...(reminder.data as object), dueOn: parisDate(reminder.dueAt) });
    const link = `/parcours/${pathway.id}`;
    await this.reminders.notify(tenantId, reminderId, reminder.kind, recipients.map((r) => r.userId), { title, body: line, link });
    const optedOut = await this.reminders.emailOptOuts(tenantId, reminder.kind, recipients.map((r) => r.userId));
    for (const recipient of recipients.filter((r) => !optedOut.has(r.userId))) {
      await this.outbox.queueEmail(tenantId, { kind: `REMINDER_${reminder.kind}`, to: recipient.email, ...reminderEmail({ title, lines: [line], url: `${this.config.http.publicUrl}${link}` }) });
    }
    await this.reminders.markSent(tenantId, reminderId, now);
  }
}
