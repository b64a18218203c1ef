/**
 * Every queue and job of the system, with its payload type. Payloads carry ids
 * only: job data sits in Redis in clear text, so no personal data goes there;
 * handlers re-read the rows inside the tenant's context.
 */
export const QueueName = {
  Mail: 'mail',
  Reminders: 'reminders',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export interface JobPayloads {
  /** Send one outbox e-mail. */
  'mail.send': { tenantId: string; outboxId: string };
  /** Re-queue outbox e-mails that Redis may have lost (periodic). */
  'mail.sweep': Record<string, never>;
  /** Send one due reminder: in-app notifications and e-mails to its recipients. */
  'reminder.send': { tenantId: string; reminderId: string };
  /** Send due reminders of one tenant together (what the sweep queues): one transaction for all, then their e-mails. */
  'reminder.send-batch': { tenantId: string; reminderIds: string[] };
  /** Re-plan every open pathway of a tenant after its reminder settings changed. */
  'reminder.replan': { tenantId: string };
  /** Claim due reminders in Postgres and enqueue them (periodic; also re-queues stuck ones). */
  'reminder.sweep': Record<string, never>;
  /** Find reminders due to an absence (silent tutor, inactive pathway) and plan the weekly digests, in every tenant (periodic). */
  'reminder.scan': Record<string, never>;
}
export type JobName = keyof JobPayloads;

export interface JobDefinition {
  queue: QueueName;
  /** Attempts before the job is given up. */
  attempts: number;
  /** Base delay of the exponential backoff between attempts. */
  backoffMs: number;
}

export const JOBS: Record<JobName, JobDefinition> = {
  'mail.send': { queue: QueueName.Mail, attempts: 5, backoffMs: 5_000 },
  'mail.sweep': { queue: QueueName.Mail, attempts: 1, backoffMs: 0 },
  'reminder.send': { queue: QueueName.Reminders, attempts: 5, backoffMs: 10_000 },
  // A batch that fails hands each of its reminders to its own reminder.send (and its attempts).
  'reminder.send-batch': { queue: QueueName.Reminders, attempts: 3, backoffMs: 5_000 },
  'reminder.replan': { queue: QueueName.Reminders, attempts: 5, backoffMs: 10_000 },
  'reminder.sweep': { queue: QueueName.Reminders, attempts: 1, backoffMs: 0 },
  'reminder.scan': { queue: QueueName.Reminders, attempts: 1, backoffMs: 0 },
};
