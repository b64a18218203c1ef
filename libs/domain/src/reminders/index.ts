export * from './reminder.types.js';
export * from './reminder.settings.js';
export { planReminders, reminderDueAt, weeklyDigestDueAt } from './plan-reminders.js';
export { scanReminders, type SilenceFacts } from './scan-reminders.js';
export { digestSections, planWeeklyDigest } from './weekly-digest.js';
