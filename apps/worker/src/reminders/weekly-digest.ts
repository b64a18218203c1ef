import { Inject, Injectable } from '@nestjs/common';
import { addDays, digestSections, parisDate, planWeeklyDigest, type Regulation, type ReminderSettings } from '@jalon/domain';
import { WEB_PATHS } from '@jalon/contracts';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';
import { fromDbDate } from '@jalon/server/database';
import { DeadlineRepository, pathwaysMatching } from '@jalon/server/deadlines';
import { digestEmail } from '@jalon/server/mail';
import { REGULATION } from '@jalon/server/regulation';
import { ReminderDeliveryRepository, type LockedReminder } from './reminder-delivery.repository.js';
import { digestMessage } from './reminder-messages.js';
import { WeeklyDigestRepository } from './weekly-digest.repository.js';
import type { Outgoing } from './reminder-delivery.js';

/** Staff who may be a pathway's referent coordinator (DESIGN.md §6). */
const STAFF: ('COORDINATOR' | 'TENANT_ADMIN')[] = ['COORDINATOR', 'TENANT_ADMIN'];
/** A digest lists at most this many deadlines, the soonest first (the dashboard has the rest). */
const DIGEST_MAX_ITEMS = 200;

/**
 * The weekly digest (DESIGN.md §5): each referent coordinator's overdue and
 * coming deadlines, Monday at 08:00. Planned by the hourly scan as one
 * Reminder row per coordinator and week (no pathway, the coordinator in
 * `userId`, a key naming both), claimed by the sweep and sent once like any
 * reminder; its content is read when it is sent.
 */
@Injectable()
export class WeeklyDigests {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REGULATION) private readonly regulation: Regulation,
    private readonly deadlines: DeadlineRepository,
    private readonly digests: WeeklyDigestRepository,
    private readonly reminders: ReminderDeliveryRepository,
  ) {}

  /**
   * In the tenant's transaction: the next digest of every staff member who is
   * the referent of an open pathway. Idempotent by dedup key; a planned
   * digest no longer wanted (another weekday, no pathway left) is cancelled,
   * one wanted again is planned again. Returns how many were added.
   */
  async plan(tenantId: string, settings: ReminderSettings, now: Date): Promise<number> {
    const digests = (await this.digests.referents(tenantId)).map((userId) => ({ userId, ...planWeeklyDigest(userId, settings, now) }));
    return this.digests.sync(tenantId, digests, now);
  }

  /**
   * What a due digest says, read now from the coordinator's open pathways.
   * Null (the caller cancels it): the person is no longer active staff, or
   * nothing is overdue or coming — a coordinator with nothing to do gets no
   * e-mail and no notification.
   */
  async compose(tenantId: string, reminder: LockedReminder, settings: ReminderSettings, now: Date): Promise<Outgoing | null> {
    const [coordinator] = await this.reminders.members(tenantId, [{ userId: reminder.userId!, role: { in: STAFF } }]);
    if (!coordinator) return null;
    const today = parisDate(now);
    const window = {
      today,
      until: addDays(today, settings.weeklyDigestHorizonDays),
      opcoFilingDays: this.regulation.opco.filingDays,
      decisionMonths: this.regulation.admissibility.decisionMonths,
      limit: DIGEST_MAX_ITEMS,
    };
    const rows = await this.deadlines.dueBy(tenantId, pathwaysMatching(tenantId, { coordinatorId: coordinator.userId }), window);
    const items = rows.map((r) => ({ pathwayId: r.pathway_id, candidate: `${r.first_name} ${r.last_name}`, kind: r.kind, dueOn: fromDbDate(r.due_on) }));
    const { overdue, upcoming } = digestSections(items, today, settings.weeklyDigestHorizonDays);
    if (!overdue.length && !upcoming.length) return null;
    const base = this.config.http.publicUrl;
    const message = digestMessage({ firstName: coordinator.user.firstName, weekOf: today, horizonDays: settings.weeklyDigestHorizonDays, overdue, upcoming, url: (id) => `${base}${WEB_PATHS.pathway(id)}` });
    return {
      reminderId: reminder.id,
      kind: reminder.kind,
      to: [{ userId: coordinator.userId, email: coordinator.user.email }],
      title: message.title,
      body: message.line,
      link: WEB_PATHS.dashboard,
      email: digestEmail({ title: message.title, paragraphs: message.paragraphs, sections: message.sections, action: { label: 'Ouvrir le tableau de bord', url: `${base}${WEB_PATHS.dashboard}` } }),
    };
  }
}
