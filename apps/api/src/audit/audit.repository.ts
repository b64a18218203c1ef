import { Injectable } from '@nestjs/common';
import { Database, Prisma } from '@jalon/server/database';

export interface AuditRow {
  tenantId: string | null;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  requestId: string | null;
  before?: unknown;
  after?: unknown;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly db: Database) {}

  /**
   * createMany, not create: no RETURNING, since the application may append a
   * row it cannot read back (a row without tenant).
   */
  async append(row: AuditRow): Promise<void> {
    await this.db.client.auditLog.createMany({
      data: [
        {
          tenantId: row.tenantId,
          actorId: row.actorId,
          action: row.action,
          entity: row.entity,
          entityId: row.entityId,
          requestId: row.requestId,
          before: toJson(row.before),
          after: toJson(row.after),
        },
      ],
    });
  }
}

const toJson = (value: unknown) => (value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue));
