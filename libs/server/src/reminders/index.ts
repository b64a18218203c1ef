export * from './reminder-settings.js';
export * from './reminder.repository.js';
export * from './reminder-planner.js';
export * from './reminder-planning.module.js';
