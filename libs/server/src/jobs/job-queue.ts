import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { JOBS, type JobName, type JobPayloads, type QueueName } from './job-registry.js';

/** Enqueues jobs of the registry, typed by their name. */
@Injectable()
export class JobQueue implements OnModuleDestroy {
  private readonly queues = new Map<QueueName, Queue>();
  private readonly connections: Redis[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** `jobId` makes the enqueue idempotent while the job exists (BullMQ ignores a duplicate id). */
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: { jobId?: string; delayMs?: number } = {}): Promise<void> {
    const definition = JOBS[name];
    await this.queue(definition.queue).add(name, payload, {
      jobId: options.jobId,
      delay: options.delayMs,
      attempts: definition.attempts,
      backoff: definition.backoffMs ? { type: 'exponential', delay: definition.backoffMs } : undefined,
      removeOnComplete: { age: 3_600, count: 1_000 },
      removeOnFail: { age: 7 * 24 * 3_600 },
    });
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      // Producers fail fast when Redis is down; the sweep re-queues later.
      const connection = new Redis(this.config.redis.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 });
      connection.on('error', () => undefined);
      this.connections.push(connection);
      queue = new Queue(name, { prefix: this.config.redis.keyPrefix, connection });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    // BullMQ leaves a connection it was given open.
    for (const connection of this.connections) connection.disconnect();
  }
}
