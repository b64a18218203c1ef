import { Module } from '@nestjs/common';
import { regulationProvider } from '../pathways/regulation.provider.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardRepository } from './dashboard.repository.js';
import { DashboardService } from './dashboard.service.js';

@Module({ controllers: [DashboardController], providers: [DashboardService, DashboardRepository, regulationProvider], exports: [DashboardRepository] })
export class DashboardModule {}
