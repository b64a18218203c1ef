import { Module } from '@nestjs/common';
import { regulationProvider } from '../pathways/regulation.provider.js';
import { DashboardCache } from './dashboard.cache.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardRepository } from './dashboard.repository.js';
import { DashboardService } from './dashboard.service.js';

@Module({ controllers: [DashboardController], providers: [DashboardService, DashboardRepository, DashboardCache, regulationProvider], exports: [DashboardRepository, DashboardCache] })
export class DashboardModule {}
