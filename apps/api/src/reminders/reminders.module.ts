import { Module } from '@nestjs/common';
import { regulationProvider } from '../pathways/regulation.provider.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { ReminderPlanner } from './reminder-planner.js';
import { ReminderRepository } from './reminder.repository.js';

@Module({ imports: [TenantsModule], providers: [ReminderPlanner, ReminderRepository, regulationProvider], exports: [ReminderPlanner, ReminderRepository] })
export class RemindersModule {}
