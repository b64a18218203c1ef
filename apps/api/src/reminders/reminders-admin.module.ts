import { Module } from '@nestjs/common';
import { PathwaysModule } from '../pathways/pathways.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { RemindersController } from './reminders.controller.js';
import { RemindersModule } from './reminders.module.js';
import { RemindersService } from './reminders.service.js';

/** The reminders' HTTP side (a pathway's list, the tenant's settings); planning lives in RemindersModule, which pathways use. */
@Module({ imports: [PathwaysModule, RemindersModule, TenantsModule], controllers: [RemindersController], providers: [RemindersService] })
export class RemindersAdminModule {}
