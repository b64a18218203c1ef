import { Module } from '@nestjs/common';
import { regulationProvider } from '@jalon/server/regulation';
import { DashboardModule } from '../dashboard/dashboard.module.js';
import { PathwaysModule } from '../pathways/pathways.module.js';
import { HomeController } from './home.controller.js';
import { HomeService } from './home.service.js';

@Module({ imports: [DashboardModule, PathwaysModule], controllers: [HomeController], providers: [HomeService, regulationProvider] })
export class HomeModule {}
