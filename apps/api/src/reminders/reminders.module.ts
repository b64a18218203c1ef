import { Module } from '@nestjs/common';
import { ReminderPlanningModule } from '@jalon/server/reminders';

/** Reminder planning for the API's features: each change that moves a date re-plans its pathway in its transaction. */
@Module({ imports: [ReminderPlanningModule], exports: [ReminderPlanningModule] })
export class RemindersModule {}
