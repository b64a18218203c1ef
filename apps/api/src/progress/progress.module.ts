import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CertificationsModule } from '../certifications/certifications.module.js';
import { PathwaysModule } from '../pathways/pathways.module.js';
import { ProgressController } from './progress.controller.js';
import { ProgressRepository } from './progress.repository.js';
import { ProgressService } from './progress.service.js';

@Module({ imports: [AuthModule, CertificationsModule, PathwaysModule], controllers: [ProgressController], providers: [ProgressService, ProgressRepository], exports: [ProgressRepository] })
export class ProgressModule {}
