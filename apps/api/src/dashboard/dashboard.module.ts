import { Module } from '@nestjs/common';
import { DeadlinesModule } from '@jalon/server/deadlines';
import { regulationProvider } from '@jalon/server/regulation';
import { DashboardCache } from './dashboard.cache.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardRepository } from './dashboard.repository.js';
import { DashboardService } from './dashboard.service.js';

@Module({
  imports: [DeadlinesModule],
  controllers: [DashboardController],
  providers: [DashboardService, DashboardRepository, DashboardCache, regulationProvider],
  exports: [DashboardRepository, DashboardCache, DeadlinesModule],
})
export class DashboardModule {}
