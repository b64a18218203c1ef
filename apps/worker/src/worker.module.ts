import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConfigModule, type AppConfig } from '@jalon/server/config';
import { ContextModule } from '@jalon/server/context';
import { DatabaseModule } from '@jalon/server/database';
import { DeadlinesModule } from '@jalon/server/deadlines';
import { JobsModule } from '@jalon/server/jobs';
import { MailModule } from '@jalon/server/mail';
import { RedisModule } from '@jalon/server/redis';
import { regulationProvider } from '@jalon/server/regulation';
import { ReminderPlanningModule } from '@jalon/server/reminders';
import { JobRunner } from './jobs/job-runner.js';
import { MailDelivery } from './mail/mail-delivery.js';
import { MailSendJob } from './mail/mail-send.job.js';
import { MailSweepJob } from './mail/mail-sweep.job.js';
import { OutboxRepository } from './mail/outbox.repository.js';
import { ReminderDelivery } from './reminders/reminder-delivery.js';
import { ReminderDeliveryRepository } from './reminders/reminder-delivery.repository.js';
import { ReminderReplanJob } from './reminders/reminder-replan.job.js';
import { ReminderScanJob } from './reminders/reminder-scan.job.js';
import { ReminderSendBatchJob } from './reminders/reminder-send-batch.job.js';
import { ReminderSendJob } from './reminders/reminder-send.job.js';
import { ReminderSweepJob } from './reminders/reminder-sweep.job.js';
import { WeeklyDigestRepository } from './reminders/weekly-digest.repository.js';
import { WeeklyDigests } from './reminders/weekly-digest.js';
import { WorkerHealth } from './worker-health.js';

@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), ContextModule, DatabaseModule, RedisModule, JobsModule, MailModule, DiscoveryModule, DeadlinesModule, ReminderPlanningModule],
      providers: [
        JobRunner,
        WorkerHealth,
        regulationProvider,
        OutboxRepository,
        MailDelivery,
        MailSendJob,
        MailSweepJob,
        ReminderDeliveryRepository,
        ReminderDelivery,
        WeeklyDigestRepository,
        WeeklyDigests,
        ReminderSendJob,
        ReminderSendBatchJob,
        ReminderSweepJob,
        ReminderScanJob,
        ReminderReplanJob,
      ],
    };
  }
}
