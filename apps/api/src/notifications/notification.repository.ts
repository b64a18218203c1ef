import { Injectable } from '@nestjs/common';
import { Database, type Notification, type Prisma } from '@jalon/server/database';

@Injectable()
export class NotificationRepository {
  constructor(private readonly db: Database) {}

  /** Newest first; `after` is the last (createdAt, id) of the previous page. */
  list(tenantId: string, userId: string, options: { limit: number; unread?: boolean; after?: { at: Date; id: string } }): Promise<Notification[]> {
    const where: Prisma.NotificationWhereInput = {
      tenantId,
      userId,
      ...(options.unread ? { readAt: null } : {}),
      ...(options.after ? { OR: [{ createdAt: { lt: options.after.at } }, { createdAt: options.after.at, id: { lt: options.after.id } }] } : {}),
    };
    return this.db.client.notification.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: options.limit });
  }

  unreadCount(tenantId: string, userId: string): Promise<number> {
    return this.db.client.notification.count({ where: { tenantId, userId, readAt: null } });
  }

  /** Only the owner's notification; false if there is none. */
  async markRead(tenantId: string, userId: string, id: string, at: Date): Promise<boolean> {
    const own = await this.db.client.notification.count({ where: { tenantId, userId, id } });
    if (!own) return false;
    await this.db.client.notification.updateMany({ where: { tenantId, userId, id, readAt: null }, data: { readAt: at } });
    return true;
  }

  async markAllRead(tenantId: string, userId: string, at: Date): Promise<number> {
    return (await this.db.client.notification.updateMany({ where: { tenantId, userId, readAt: null }, data: { readAt: at } })).count;
  }

  preferences(tenantId: string, userId: string): Promise<{ kind: string; email: boolean }[]> {
    return this.db.client.emailPreference.findMany({ where: { tenantId, userId }, select: { kind: true, email: true }, orderBy: { kind: 'asc' } });
  }

  async setPreference(tenantId: string, userId: string, kind: string, email: boolean): Promise<void> {
    await this.db.client.emailPreference.upsert({
      where: { tenantId_userId_kind: { tenantId, userId, kind } },
      update: { email },
      create: { tenantId, userId, kind, email },
    });
  }
}
