import { Injectable } from '@nestjs/common';
import { Database, type OutboxMessage } from '@jalon/server/database';

@Injectable()
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  /** Locks the row until the transaction ends, so two workers cannot send one message. */
  async lock(tenantId: string, id: string): Promise<OutboxMessage | null> {
    await this.db.client.$queryRaw`SELECT id FROM outbox_messages WHERE tenant_id = ${tenantId}::uuid AND id = ${id}::uuid FOR UPDATE`;
    return this.db.client.outboxMessage.findFirst({ where: { tenantId, id } });
  }

  /** Sent: the body is cleared, since it may hold a single-use link. */
  async markSent(tenantId: string, id: string, at: Date): Promise<void> {
    await this.db.client.outboxMessage.updateMany({
      where: { tenantId, id },
      data: { status: 'SENT', sentAt: at, textBody: null, htmlBody: null, attempts: { increment: 1 }, lastError: null },
    });
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
