import { addDays, compareDates, type LocalDate } from '../time/local-date.js';
import { parisDate } from '../time/paris-time.js';
import { reminderDueAt } from './plan-reminders.js';
import type { ReminderSettings } from './reminder.settings.js';
import { RECIPIENTS_BY_KIND, type PlannedReminder } from './reminder.types.js';

/** What the absence scans read for one open pathway. */
export interface SilenceFacts {
  pathwayId: string;
  /** The day the current placement began; null without a current company tutor (no tutor reminders). */
  placementStart: LocalDate | null;
  /** The tutor's last progress entry on this pathway, if any. */
  lastEntry: LocalDate | null;
  /** The last activity of any kind on the pathway (Paris day). */
  lastActivity: LocalDate;
}

/**
 * Reminders found by absence (DESIGN.md §5): a tutor silent for 7 days, then
 * 14 (escalated to the coordinator), a pathway inactive for 60. The dedup
 * key names the day the silence began, so one silence gives one reminder of
 * each kind however often the scan runs; a new entry starts a new silence.
 * They go out at the next send time.
 */
export function scanReminders(facts: SilenceFacts, settings: ReminderSettings, now: Date): PlannedReminder[] {
  const today = parisDate(now);
  const sendToday = reminderDueAt(today, settings);
  const dueOn = sendToday.getTime() > now.getTime() ? today : addDays(today, 1);
  const dueAt = reminderDueAt(dueOn, settings);
  const found: PlannedReminder[] = [];
  const add = (kind: 'TUTOR_SILENT' | 'TUTOR_SILENT_ESCALATION' | 'INACTIVE', since: LocalDate) =>
    found.push({ kind, dueOn, dueAt, recipients: [...RECIPIENTS_BY_KIND[kind]], dedupKey: `${facts.pathwayId}:${kind}:${since}`, data: { since } });
  if (facts.placementStart) {
    // A silence starts at the tutor's last entry, or at the placement if they never wrote.
    const silentSince = facts.lastEntry && compareDates(facts.lastEntry, facts.placementStart) >= 0 ? facts.lastEntry : facts.placementStart;
    if (compareDates(addDays(silentSince, settings.tutorSilentDays), today) <= 0) add('TUTOR_SILENT', silentSince);
    if (compareDates(addDays(silentSince, settings.tutorSilentEscalationDays), today) <= 0) add('TUTOR_SILENT_ESCALATION', silentSince);
  }
  if (compareDates(addDays(facts.lastActivity, settings.inactiveDays), today) <= 0) add('INACTIVE', facts.lastActivity);
  return found;
}
