export * from './reminder.types.js';
export * from './reminder.settings.js';
export { planReminders, reminderDueAt, weeklyDigestDueAt } from './plan-reminders.js';
