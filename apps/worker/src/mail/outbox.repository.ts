import { Injectable } from '@nestjs/common';
import { Database, uuidv7, type OutboxMessage } from '@jalon/server/database';

export type LockedMessage = Pick<OutboxMessage, 'id' | 'recipient' | 'subject' | 'textBody' | 'htmlBody' | 'status'>;

export interface NewOutboxMessage {
  kind: string;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string;
}

@Injectable()
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  /**
   * Sends a message once: in one short transaction, its row is locked (two
   * workers cannot send it together; the second waits, then reads SENT),
   * handed to `send` if still PENDING, then marked SENT and its body cleared
   * (it may hold a single-use link). A crash before the commit leaves it
   * PENDING. Plain SQL: this runs once per e-mail. False if there was nothing to send.
   */
  sendOnce(tenantId: string, id: string, send: (message: LockedMessage) => Promise<void>): Promise<boolean> {
    return this.db.sqlTransaction(tenantId, async (sql) => {
      const [message] = await sql.query<LockedMessage>(
        `SELECT id, recipient, subject, text_body AS "textBody", html_body AS "htmlBody", status::text AS status
         FROM outbox_messages WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
        [tenantId, id],
      );
      if (!message || message.status !== 'PENDING') return false;
      await send(message);
      await sql.query(
        `UPDATE outbox_messages SET status = 'SENT', sent_at = now(), text_body = NULL, html_body = NULL, attempts = attempts + 1, last_error = NULL
         WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id],
      );
      return true;
    });
  }

  /**
   * Messages written by the worker itself (reminders), in its transaction, in
   * one statement; their ids, to send them once it commits.
   */
  async addMany(tenantId: string, messages: NewOutboxMessage[]): Promise<string[]> {
    if (!messages.length) return [];
    const ids = messages.map(() => uuidv7());
    await this.db.client.$executeRaw`
      INSERT INTO outbox_messages (id, tenant_id, kind, recipient, subject, text_body, html_body)
      SELECT m.id, ${tenantId}::uuid, m.kind, m.recipient, m.subject, m.text_body, m.html_body
      FROM unnest(${ids}::uuid[], ${messages.map((m) => m.kind)}::text[], ${messages.map((m) => m.recipient)}::text[], ${messages.map((m) => m.subject)}::text[],
                  ${messages.map((m) => m.textBody)}::text[], ${messages.map((m) => m.htmlBody)}::text[])
        AS m(id, kind, recipient, subject, text_body, html_body)`;
    return ids;
  }

  async markAttemptFailed(tenantId: string, id: string, error: string, final: boolean): Promise<void> {
    await this.db.client.outboxMessage.updateMany({
      where: { tenantId, id, status: 'PENDING' },
      data: { attempts: { increment: 1 }, lastError: error.slice(0, 500), ...(final ? { status: 'FAILED' } : {}) },
    });
  }

  /** Pending messages of every tenant, ids only, through the narrow SECURITY DEFINER function. */
  async listPending(olderThanSeconds: number, limit: number): Promise<{ id: string; tenant_id: string }[]> {
    return this.db.client.$queryRaw`SELECT id, tenant_id FROM app_pending_outbox(make_interval(secs => ${olderThanSeconds}), ${limit}::int)`;
  }
}
