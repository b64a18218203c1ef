import { Injectable } from '@nestjs/common';
import { REMINDER_KINDS } from '@jalon/domain';
import type { EmailPreferencesInput, ListNotificationsInput, NotificationsPage } from '@jalon/contracts';
import { RequestContext } from '@jalon/server/context';
import { notFound, validationFailed } from '@jalon/server/errors';
import { AuditTrail } from '../audit/audit-trail.js';
import { NotificationRepository } from './notification.repository.js';

/** A user's in-app notifications (the bell) and e-mail preferences, in the current tenant. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly context: RequestContext,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditTrail,
  ) {}

  async list(query: ListNotificationsInput): Promise<NotificationsPage> {
    const { tenantId, userId } = this.who();
    const rows = await this.notifications.list(tenantId, userId, { limit: query.limit + 1, unread: query.unread, after: query.cursor ? decodeCursor(query.cursor) : undefined });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() })),
      nextCursor: rows.length > query.limit && last ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString('base64url') : null,
      unreadCount: await this.notifications.unreadCount(tenantId, userId),
    };
  }

  async read(id: string): Promise<void> {
    const { tenantId, userId } = this.who();
    if (!(await this.notifications.markRead(tenantId, userId, id, new Date()))) throw notFound('Cette notification');
    await this.audit.record({ action: 'notification.read', entity: 'Notification', entityId: id });
  }

  async readAll(): Promise<{ read: number }> {
    const { tenantId, userId } = this.who();
    const read = await this.notifications.markAllRead(tenantId, userId, new Date());
    await this.audit.record({ action: 'notification.read-all', entity: 'Notification', after: { read } });
    return { read };
  }

  async preferences(): Promise<{ kind: string; email: boolean }[]> {
    const { tenantId, userId } = this.who();
    const chosen = new Map((await this.notifications.preferences(tenantId, userId)).map((p) => [p.kind, p.email]));
    return REMINDER_KINDS.map((kind) => ({ kind, email: chosen.get(kind) ?? true }));
  }

  async setPreferences(input: EmailPreferencesInput): Promise<{ kind: string; email: boolean }[]> {
    const unknown = input.preferences.filter((p) => !(REMINDER_KINDS as readonly string[]).includes(p.kind));
    if (unknown.length) throw validationFailed(unknown.map((p) => ({ path: `preferences.${input.preferences.indexOf(p)}.kind`, message: 'Type de rappel inconnu.' })));
    const { tenantId, userId } = this.who();
    for (const p of input.preferences) await this.notifications.setPreference(tenantId, userId, p.kind, p.email);
    await this.audit.record({ action: 'notification.preferences', entity: 'EmailPreference', after: input.preferences });
    return this.preferences();
  }

  private who(): { tenantId: string; userId: string } {
    return { tenantId: this.context.tenantId, userId: this.context.principal!.userId };
  }
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime())) throw validationFailed([{ path: 'cursor', message: 'Curseur de pagination invalide.' }]);
  return { at: date, id };
}
