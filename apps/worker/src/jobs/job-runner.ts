import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';
import { JobQueue, JOBS, QueueName, type JobName } from '@jalon/server/jobs';
import { JOB_HANDLER, type HandlesJob } from './job-handler.decorator.js';

/**
 * Runs BullMQ workers for every queue of the registry and dispatches each job
 * to its one handler. Boot fails if a job of the registry has no handler or
 * two. SIGTERM closes the workers after their current jobs.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly handlers = new Map<JobName, HandlesJob<JobName>>();
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];
  private keeper?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.collectHandlers();
    const queues = new Set(Object.values(JOBS).map((job) => job.queue));
    for (const queue of queues) this.workers.push(this.startWorker(queue));
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
    await this.keepSchedules();
    // Redis may lose its data (FLUSHALL, a failover without AOF): the
    // schedules are put back every minute (or sweep period); upserting one is idempotent.
    const every = Math.min(60_000, this.config.worker.outboxSweepEveryMs, this.config.worker.reminderSweepEveryMs);
    this.keeper = setInterval(() => void this.keepSchedules().catch((error: unknown) => this.logger.warn({ err: error }, 'could not register the periodic jobs')), every);
    this.keeper.unref();
    this.logger.log({ queues: [...queues] }, 'job workers ready');
  }

  /** The periodic jobs: the sweeps that rebuild the queues from Postgres. */
  private async keepSchedules(): Promise<void> {
    const periodic: [JobName, QueueName, number][] = [
      ['mail.sweep', QueueName.Mail, this.config.worker.outboxSweepEveryMs],
      ['reminder.sweep', QueueName.Reminders, this.config.worker.reminderSweepEveryMs],
      ['reminder.scan', QueueName.Reminders, this.config.worker.reminderScanEveryMs],
    ];
    for (const [name, queue, every] of periodic) {
      await this.jobs.queue(queue).upsertJobScheduler(name, { every }, { name, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.keeper);
    // Waits for the jobs in progress; the others stay in Redis for the next worker.
    await Promise.all(this.workers.map((w) => w.close()));
    for (const connection of this.connections) connection.disconnect();
    this.logger.log('job workers stopped');
  }

  private collectHandlers(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as HandlesJob<JobName> | undefined;
      if (!instance || !wrapper.metatype) continue;
      const name = Reflect.getMetadata(JOB_HANDLER, wrapper.metatype) as JobName | undefined;
      if (!name) continue;
      if (this.handlers.has(name)) throw new Error(`Two handlers for job "${name}"`);
      this.handlers.set(name, instance);
    }
    const missing = (Object.keys(JOBS) as JobName[]).filter((name) => !this.handlers.has(name));
    if (missing.length) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
  }

  private startWorker(queue: QueueName): Worker {
    // Blocking commands need their own connection, with no retry limit.
    const connection = new Redis(this.config.redis.url, { maxRetriesPerRequest: null });
    connection.on('error', (error) => this.logger.warn({ err: error }, 'Redis connection error'));
    this.connections.push(connection);
    const worker = new Worker(queue, (job: Job) => this.dispatch(job), {
      connection,
      prefix: this.config.redis.keyPrefix,
      concurrency: this.config.worker.concurrency,
      autorun: true,
      // A worker that dies mid-job (SIGKILL, OOM) leaves its jobs locked: with
      // a 10 s lock, checked every 5 s, another worker takes them back within
      // ~15 s. Handlers are idempotent, so running a job again is safe.
      lockDuration: 10_000,
      stalledInterval: 5_000,
    });
    worker.on('failed', (job, error) =>
      this.logger.warn({ jobId: job?.id, job: job?.name, attemptsMade: job?.attemptsMade, err: error }, 'job attempt failed'),
    );
    worker.on('error', (error) => this.logger.error({ err: error }, 'worker error'));
    return worker;
  }

  private async dispatch(job: Job): Promise<void> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`No handler for job "${job.name}"`);
    await handler.handle(job.data, job);
  }
}
