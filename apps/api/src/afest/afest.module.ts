import { Module } from '@nestjs/common';
import { CertificationsModule } from '../certifications/certifications.module.js';
import { PathwaysModule } from '../pathways/pathways.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { AfestController } from './afest.controller.js';
import { AfestRepository } from './afest.repository.js';
import { AfestService } from './afest.service.js';

@Module({ imports: [CertificationsModule, PathwaysModule, RemindersModule], controllers: [AfestController], providers: [AfestService, AfestRepository], exports: [AfestRepository] })
export class AfestModule {}
