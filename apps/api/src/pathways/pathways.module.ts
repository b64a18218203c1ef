import { Module } from '@nestjs/common';
import { regulationProvider } from '@jalon/server/regulation';
import { AuthModule } from '../auth/auth.module.js';
import { CandidatesModule } from '../candidates/candidates.module.js';
import { CertificationsModule } from '../certifications/certifications.module.js';
import { CohortsModule } from '../cohorts/cohorts.module.js';
import { DashboardModule } from '../dashboard/dashboard.module.js';
import { EmployersModule } from '../employers/employers.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { ContractRepository } from './contract.repository.js';
import { PathwayAccess } from './pathway-access.js';
import { PathwayRepository } from './pathway.repository.js';
import { PathwaysController } from './pathways.controller.js';
import { PathwaysService } from './pathways.service.js';
import { TransitionRecorder } from './transition-recorder.js';
import { VaeRecordRepository } from './vae-record.repository.js';

@Module({
  imports: [AuthModule, CandidatesModule, CertificationsModule, CohortsModule, DashboardModule, EmployersModule, RemindersModule],
  controllers: [PathwaysController],
  providers: [PathwaysService, PathwayAccess, PathwayRepository, ContractRepository, VaeRecordRepository, TransitionRecorder, regulationProvider],
  exports: [PathwayAccess, PathwayRepository],
})
export class PathwaysModule {}
