import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CertificationsModule } from '../certifications/certifications.module.js';
import { CohortRepository } from './cohort.repository.js';
import { CohortsController } from './cohorts.controller.js';
import { CohortsService } from './cohorts.service.js';

@Module({ imports: [AuthModule, CertificationsModule], controllers: [CohortsController], providers: [CohortsService, CohortRepository], exports: [CohortRepository] })
export class CohortsModule {}
