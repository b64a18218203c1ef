import { DEFAULT_REMINDER_SETTINGS } from './reminder.settings.js';
import { scanReminders } from './scan-reminders.js';

const facts = { pathwayId: 'p1', placementStart: '2026-09-01', lastEntry: '2026-11-10', lastActivity: '2026-11-10' };

describe('scanReminders', () => {
  it('finds a tutor silent for 7 days, then 14, once per silence', () => {
    const at7 = scanReminders({ ...facts, lastEntry: '2026-11-20' }, DEFAULT_REMINDER_SETTINGS, new Date('2026-11-27T05:00:00Z'));
    expect(at7.map((r) => [r.kind, r.dedupKey, r.recipients])).toEqual([['TUTOR_SILENT', 'p1:TUTOR_SILENT:2026-11-20', ['TUTOR']]]);
    // Before 08:00 Paris: due today at 08:00 (07:00Z in November).
    expect(at7[0]!.dueAt.toISOString()).toBe('2026-11-27T07:00:00.000Z');
    const at17 = scanReminders(facts, DEFAULT_REMINDER_SETTINGS, new Date('2026-11-27T09:00:00Z'));
    expect(at17.map((r) => r.kind)).toEqual(['TUTOR_SILENT', 'TUTOR_SILENT_ESCALATION']);
    // After 08:00: tomorrow.
    expect(at17[0]!.dueAt.toISOString()).toBe('2026-11-28T07:00:00.000Z');
  });

  it('counts from the placement when the tutor never wrote', () => {
    const found = scanReminders({ ...facts, placementStart: '2026-11-15', lastEntry: null }, DEFAULT_REMINDER_SETTINGS, new Date('2026-11-27T09:00:00Z'));
    expect(found.map((r) => r.dedupKey)).toEqual(['p1:TUTOR_SILENT:2026-11-15']);
  });

  it('finds a pathway inactive for 60 days', () => {
    const found = scanReminders({ ...facts, lastEntry: '2026-11-26', lastActivity: '2026-09-20' }, DEFAULT_REMINDER_SETTINGS, new Date('2026-11-27T09:00:00Z'));
    expect(found.map((r) => [r.kind, r.recipients])).toEqual([['INACTIVE', ['COORDINATOR']]]);
  });

  it('has no tutor reminder without a current placement', () => {
    expect(scanReminders({ ...facts, placementStart: null, lastActivity: '2026-11-26' }, DEFAULT_REMINDER_SETTINGS, new Date('2026-11-27T09:00:00Z'))).toEqual([]);
  });

  it('finds nothing for a tutor who wrote this week', () => {
    expect(scanReminders({ ...facts, lastEntry: '2026-11-25', lastActivity: '2026-11-25' }, DEFAULT_REMINDER_SETTINGS, new Date('2026-11-27T09:00:00Z'))).toEqual([]);
  });
});
