import { Module } from '@nestjs/common';
import { regulationProvider } from '../regulation/index.js';
import { ReminderPlanner } from './reminder-planner.js';
import { ReminderRepository } from './reminder.repository.js';

/** Planning of pathway reminders, shared by the API (with each change) and the worker (after a settings change). */
@Module({ providers: [ReminderPlanner, ReminderRepository, regulationProvider], exports: [ReminderPlanner, ReminderRepository] })
export class ReminderPlanningModule {}
