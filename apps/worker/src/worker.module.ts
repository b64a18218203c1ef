import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConfigModule, type AppConfig } from '@jalon/server/config';
import { ContextModule } from '@jalon/server/context';
import { DatabaseModule } from '@jalon/server/database';
import { JobsModule } from '@jalon/server/jobs';
import { MailModule } from '@jalon/server/mail';
import { RedisModule } from '@jalon/server/redis';
import { JobRunner } from './jobs/job-runner.js';
import { MailSendJob } from './mail/mail-send.job.js';
import { MailSweepJob } from './mail/mail-sweep.job.js';
import { OutboxRepository } from './mail/outbox.repository.js';
import { ReminderDeliveryRepository } from './reminders/reminder-delivery.repository.js';
import { ReminderScanJob } from './reminders/reminder-scan.job.js';
import { ReminderSendJob } from './reminders/reminder-send.job.js';
import { ReminderSweepJob } from './reminders/reminder-sweep.job.js';
import { WorkerHealth } from './worker-health.js';

@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), ContextModule, DatabaseModule, RedisModule, JobsModule, MailModule, DiscoveryModule],
      providers: [JobRunner, WorkerHealth, OutboxRepository, MailSendJob, MailSweepJob, ReminderDeliveryRepository, ReminderSendJob, ReminderSweepJob, ReminderScanJob],
    };
  }
}
