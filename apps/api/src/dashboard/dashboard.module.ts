import { Module } from '@nestjs/common';
import { DeadlinesModule } from '@jalon/server/deadlines';
import { regulationProvider } from '@jalon/server/regulation';
import { DashboardController } from './dashboard.controller.js';
import { DashboardRepository } from './dashboard.repository.js';
import { DashboardService } from './dashboard.service.js';

@Module({ imports: [DeadlinesModule], controllers: [DashboardController], providers: [DashboardService, DashboardRepository, regulationProvider], exports: [DashboardRepository, DeadlinesModule] })
export class DashboardModule {}
