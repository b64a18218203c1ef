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
    await inTime(this.queue(JOBS[name].queue).add(name, payload, jobOptions(name, options)), name);
  }

  /** Several jobs of one kind in one round trip to Redis. */
  async enqueueMany<N extends JobName>(name: N, jobs: { payload: JobPayloads[N]; jobId?: string }[]): Promise<void> {
    if (!jobs.length) return;
    await inTime(this.queue(JOBS[name].queue).addBulk(jobs.map((job) => ({ name, data: job.payload, opts: jobOptions(name, { jobId: job.jobId }) }))), name);
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

function jobOptions(name: JobName, options: { jobId?: string; delayMs?: number }) {
  const definition = JOBS[name];
  return {
    jobId: options.jobId,
    delay: options.delayMs,
    attempts: definition.attempts,
    backoff: definition.backoffMs ? { type: 'exponential', delay: definition.backoffMs } : undefined,
    removeOnComplete: { age: 3_600, count: 1_000 },
    removeOnFail: { age: 7 * 24 * 3_600 },
  };
}

/** How long an enqueue may wait for Redis: BullMQ waits for a connection without end. */
const ENQUEUE_TIMEOUT_MS = 3_000;

/**
 * Fails an enqueue that Redis does not answer in time, so that a request
 * does not hang while Redis is down: what was not queued is found by a sweep.
 */
async function inTime<T>(adding: Promise<T>, name: JobName): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not take the "${name}" job within ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([adding, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
