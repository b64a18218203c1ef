import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ConfigModule, type AppConfig } from '@jalon/server/config';
import { ContextModule } from '@jalon/server/context';
import { DatabaseModule } from '@jalon/server/database';
import { JobsModule } from '@jalon/server/jobs';
import { MailModule } from '@jalon/server/mail';
import { RedisModule } from '@jalon/server/redis';
import { AccessModule } from './access/access.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { HealthController } from './health/health.controller.js';
import { ProblemFilter } from './http/problem.filter.js';
import { UnitOfWorkInterceptor } from './http/unit-of-work.interceptor.js';
import { createValidationPipe } from './http/validation.js';
import { InvitationsModule } from './invitations/invitations.module.js';
import { UsersModule } from './users/users.module.js';
import { PlatformModule } from './platform/platform.module.js';
import { CandidatesModule } from './candidates/candidates.module.js';
import { CertificationsModule } from './certifications/certifications.module.js';
import { CohortsModule } from './cohorts/cohorts.module.js';
import { EmployersModule } from './employers/employers.module.js';
import { PathwaysModule } from './pathways/pathways.module.js';
import { TutorsModule } from './tutors/tutors.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { ProgressModule } from './progress/progress.module.js';
import { AfestModule } from './afest/afest.module.js';
import { TimelineModule } from './timeline/timeline.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { HomeModule } from './home/home.module.js';
import { LivretModule } from './livret/livret.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { RemindersAdminModule } from './reminders/reminders-admin.module.js';

@Module({})
export class AppModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ContextModule,
        DatabaseModule,
        RedisModule,
        JobsModule,
        MailModule,
        AccessModule,
        AuditModule,
        AuthModule,
        InvitationsModule,
        UsersModule,
        PlatformModule,
        EmployersModule,
        CertificationsModule,
        CandidatesModule,
        CohortsModule,
        PathwaysModule,
        TutorsModule,
        DocumentsModule,
        ProgressModule,
        AfestModule,
        TimelineModule,
        DashboardModule,
        HomeModule,
        LivretModule,
        NotificationsModule,
        RemindersAdminModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: UnitOfWorkInterceptor },
      ],
    };
  }
}
