import { addDays, compareDates, type LocalDate } from '../time/local-date.js';
import { parisDate } from '../time/paris-time.js';
import { weeklyDigestDueAt } from './plan-reminders.js';
import type { ReminderSettings } from './reminder.settings.js';
import { RECIPIENTS_BY_KIND, type PlannedReminder } from './reminder.types.js';

/**
 * One coordinator's next weekly digest (DESIGN.md §5): due at the next digest
 * instant strictly after `now`. Its key names the coordinator (a user id) and
 * the day, so planning it again during the week changes nothing.
 */
export function planWeeklyDigest(userId: string, settings: Pick<ReminderSettings, 'sendTime' | 'weeklyDigestIsoWeekday'>, now: Date): PlannedReminder {
  const dueAt = weeklyDigestDueAt(now, settings);
  const dueOn = parisDate(dueAt);
  return { kind: 'WEEKLY_DIGEST', dueOn, dueAt, recipients: [...RECIPIENTS_BY_KIND.WEEKLY_DIGEST], dedupKey: `${userId}:WEEKLY_DIGEST:${dueOn}`, data: {} };
}

/**
 * What a digest lists, from deadlines sorted by day: those before `today`
 * (overdue, however old) and those from `today` to `today + horizonDays`
 * (upcoming). Anything later waits for a later digest.
 */
export function digestSections<T extends { dueOn: LocalDate }>(deadlines: readonly T[], today: LocalDate, horizonDays: number): { overdue: T[]; upcoming: T[] } {
  const last = addDays(today, horizonDays);
  return {
    overdue: deadlines.filter((d) => compareDates(d.dueOn, today) < 0),
    upcoming: deadlines.filter((d) => compareDates(d.dueOn, today) >= 0 && compareDates(d.dueOn, last) <= 0),
  };
}
