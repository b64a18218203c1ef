import { Injectable } from '@nestjs/common';
import { RequestContext } from '@jalon/server/context';
import { Database } from '@jalon/server/database';
import { AuditRepository } from './audit.repository.js';

export interface AuditEvent {
  /** `entity.verb`, e.g. `invitation.create`, `auth.login.failure`. */
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the authenticated principal. */
  actorId?: string | null;
}

/**
 * Writes one audit row per mutation, in the transaction of the change, for
 * the tenant that transaction is scoped to. Values passed as before/after
 * must not hold secrets (hashes, tokens).
 */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly db: Database,
    private readonly context: RequestContext,
    private readonly audit: AuditRepository,
  ) {}

  record(event: AuditEvent): Promise<void> {
    return this.audit.append({
      tenantId: this.db.currentTenant(),
      actorId: event.actorId !== undefined ? event.actorId : (this.context.principal?.userId ?? null),
      action: event.action,
      entity: event.entity,
      entityId: event.entityId ?? null,
      requestId: this.context.requestId,
      before: event.before,
      after: event.after,
    });
  }
}
