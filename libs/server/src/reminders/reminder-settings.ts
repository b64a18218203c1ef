import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '@jalon/domain';

/** A tenant's lead times and thresholds (its `settings.reminders`) over the defaults. */
export function reminderSettingsOf(tenantSettings: unknown): ReminderSettings {
  const custom = ((tenantSettings ?? {}) as { reminders?: Partial<ReminderSettings> }).reminders ?? {};
  return { ...DEFAULT_REMINDER_SETTINGS, ...custom };
}

/**
 * The job id of a tenant's re-plan after a settings change: the same for the
 * API's after-commit enqueue and the sweep's, so that one change runs once
 * while its job exists; a later change gets its own.
 */
export function replanJobId(tenantId: string, requestedAt: Date): string {
  return `replan-${tenantId}-${requestedAt.getTime()}`;
}
