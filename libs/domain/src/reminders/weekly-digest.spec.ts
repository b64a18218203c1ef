import { reminderDueAt, weeklyDigestDueAt } from './plan-reminders.js';
import { digestSections, planWeeklyDigest } from './weekly-digest.js';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './reminder.settings.js';
import { PLANNED_REMINDER_KINDS, RECIPIENTS_BY_KIND, REMINDER_KINDS, SCANNED_REMINDER_KINDS } from './reminder.types.js';

const next = (iso: string, settings?: Pick<ReminderSettings, 'sendTime' | 'weeklyDigestIsoWeekday'>) => weeklyDigestDueAt(new Date(iso), settings).toISOString();

describe('weeklyDigestDueAt', () => {
  it('is the next Monday at 08:00 in Paris', () => {
    expect(next('2026-06-17T10:00:00Z')).toBe('2026-06-22T06:00:00.000Z'); // Wednesday, summer
    expect(next('2026-12-02T10:00:00Z')).toBe('2026-12-07T07:00:00.000Z'); // Wednesday, winter
  });
  it('is the same Monday until 08:00, the next one from 08:00 (strictly after now)', () => {
    expect(next('2026-06-22T05:59:59.999Z')).toBe('2026-06-22T06:00:00.000Z');
    expect(next('2026-06-22T06:00:00.000Z')).toBe('2026-06-29T06:00:00.000Z');
    expect(next('2026-06-22T06:00:00.001Z')).toBe('2026-06-29T06:00:00.000Z');
  });
  it('handles the hours around midnight in Paris', () => {
    // Sunday 22:30 UTC is already Monday 00:30 in Paris: that Monday's 08:00.
    expect(next('2026-06-21T22:30:00Z')).toBe('2026-06-22T06:00:00.000Z');
    // Monday 22:30 UTC is Tuesday in Paris: the following Monday.
    expect(next('2026-06-22T22:30:00Z')).toBe('2026-06-29T06:00:00.000Z');
  });
  it('keeps 08:00 across the spring change (last Sunday of March, 2026-03-29): 6 days 23 hours after the previous digest', () => {
    expect(next('2026-03-23T07:00:00Z')).toBe('2026-03-30T06:00:00.000Z');
    expect(next('2026-03-28T12:00:00Z')).toBe('2026-03-30T06:00:00.000Z');
    expect(next('2026-03-29T01:30:00Z')).toBe('2026-03-30T06:00:00.000Z'); // 03:30 summer time, right after the change
  });
  it('keeps 08:00 across the autumn change (last Sunday of October, 2026-10-25): 7 days 1 hour after the previous digest', () => {
    expect(next('2026-10-19T06:00:00Z')).toBe('2026-10-26T07:00:00.000Z');
    expect(next('2026-10-25T00:30:00Z')).toBe('2026-10-26T07:00:00.000Z'); // 02:30, the first time round
    expect(next('2026-10-25T22:30:00Z')).toBe('2026-10-26T07:00:00.000Z'); // Sunday 23:30 in Paris
  });
  it('follows the weekday and send time of the settings', () => {
    // Friday 07:30 in Paris.
    expect(next('2026-06-17T10:00:00Z', { sendTime: '07:30', weeklyDigestIsoWeekday: 5 })).toBe('2026-06-19T05:30:00.000Z');
    // Sunday, asked on a Sunday after the time.
    expect(next('2026-06-21T12:00:00Z', { sendTime: '08:00', weeklyDigestIsoWeekday: 7 })).toBe('2026-06-28T06:00:00.000Z');
  });
  it('refuses a weekday outside 1–7 and an invalid instant', () => {
    expect(() => next('2026-06-17T10:00:00Z', { sendTime: '08:00', weeklyDigestIsoWeekday: 0 })).toThrow(RangeError);
    expect(() => weeklyDigestDueAt(new Date('nope'))).toThrow(RangeError);
  });
});

describe('reminderDueAt', () => {
  it('is 08:00 in Paris on the day', () => {
    expect(reminderDueAt('2026-01-15').toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(reminderDueAt('2026-07-15').toISOString()).toBe('2026-07-15T06:00:00.000Z');
    expect(reminderDueAt('2026-03-29').toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(reminderDueAt('2026-10-25').toISOString()).toBe('2026-10-25T07:00:00.000Z');
  });
});

describe('DEFAULT_REMINDER_SETTINGS', () => {
  it('holds the lead times and thresholds of DESIGN.md §5', () => {
    expect(DEFAULT_REMINDER_SETTINGS).toEqual({
      sendTime: '08:00',
      opcoFilingDueAfterStartDays: 3,
      trialEndingLeadDays: 3,
      contractEndingLeadDays: [90, 30],
      afestReflectionDueAfterDays: 7,
      admissibilityCheckAfterDays: 45,
      admissibilityExpiringLeadDays: [60, 30],
      juryUpcomingLeadDays: [14, 1],
      juryResultMissingAfterDays: 7,
      tutorSilentDays: 7,
      tutorSilentEscalationDays: 14,
      inactiveDays: 60,
      weeklyDigestIsoWeekday: 1,
      weeklyDigestHorizonDays: 14,
    });
  });
  it('cannot be altered by a caller', () => {
    expect(Object.isFrozen(DEFAULT_REMINDER_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_REMINDER_SETTINGS.contractEndingLeadDays)).toBe(true);
  });
});

describe('reminder kinds', () => {
  it('are the 15 of DESIGN.md §5: 11 planned, 4 found by scans', () => {
    expect(PLANNED_REMINDER_KINDS).toHaveLength(11);
    expect(SCANNED_REMINDER_KINDS).toEqual(['TUTOR_SILENT', 'TUTOR_SILENT_ESCALATION', 'INACTIVE', 'WEEKLY_DIGEST']);
    expect(new Set(REMINDER_KINDS).size).toBe(15);
  });
  it('each have their recipients', () => {
    expect(Object.keys(RECIPIENTS_BY_KIND).sort()).toEqual([...REMINDER_KINDS].sort());
    expect(RECIPIENTS_BY_KIND.TUTOR_SILENT).toEqual(['TUTOR']);
    expect(RECIPIENTS_BY_KIND.TUTOR_SILENT_ESCALATION).toEqual(['COORDINATOR']);
    expect(RECIPIENTS_BY_KIND.INACTIVE).toEqual(['COORDINATOR']);
    expect(RECIPIENTS_BY_KIND.WEEKLY_DIGEST).toEqual(['COORDINATOR']);
  });
});

describe('planWeeklyDigest', () => {
  it('is the coordinator’s digest of the next Monday 08:00, keyed by coordinator and day', () => {
    expect(planWeeklyDigest('u-1', DEFAULT_REMINDER_SETTINGS, new Date('2026-06-17T10:00:00Z'))).toEqual({
      kind: 'WEEKLY_DIGEST',
      dueOn: '2026-06-22',
      dueAt: new Date('2026-06-22T06:00:00Z'),
      recipients: ['COORDINATOR'],
      dedupKey: 'u-1:WEEKLY_DIGEST:2026-06-22',
      data: {},
    });
  });
  it('keeps its key all week, and moves to the next week once due', () => {
    const key = (iso: string) => planWeeklyDigest('u-1', DEFAULT_REMINDER_SETTINGS, new Date(iso)).dedupKey;
    expect(key('2026-06-15T06:00:00Z')).toBe('u-1:WEEKLY_DIGEST:2026-06-22');
    expect(key('2026-06-22T05:59:00Z')).toBe('u-1:WEEKLY_DIGEST:2026-06-22');
    expect(key('2026-06-22T06:00:00Z')).toBe('u-1:WEEKLY_DIGEST:2026-06-29');
    expect(key('2026-06-17T10:00:00Z')).not.toBe(planWeeklyDigest('u-2', DEFAULT_REMINDER_SETTINGS, new Date('2026-06-17T10:00:00Z')).dedupKey);
  });
  it('follows the weekday of the settings', () => {
    expect(planWeeklyDigest('u-1', { sendTime: '08:00', weeklyDigestIsoWeekday: 5 }, new Date('2026-06-17T10:00:00Z')).dueOn).toBe('2026-06-19');
  });
});

describe('digestSections', () => {
  const d = (dueOn: string) => ({ dueOn });
  it('splits overdue (before today) from upcoming (today to today + horizon), leaving later ones out', () => {
    const deadlines = [d('2025-12-01'), d('2026-06-21'), d('2026-06-22'), d('2026-07-06'), d('2026-07-07')];
    expect(digestSections(deadlines, '2026-06-22', 14)).toEqual({
      overdue: [d('2025-12-01'), d('2026-06-21')],
      upcoming: [d('2026-06-22'), d('2026-07-06')],
    });
    expect(digestSections(deadlines, '2026-06-22', 7).upcoming).toEqual([d('2026-06-22')]);
  });
  it('is empty without deadlines', () => {
    expect(digestSections([], '2026-06-22', 14)).toEqual({ overdue: [], upcoming: [] });
  });
});
