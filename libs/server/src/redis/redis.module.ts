import { Global, Inject, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/index.js';

/**
 * The process's Redis connection for commands (rate limits, health).
 * Commands fail fast when Redis is down instead of queueing in memory, so a
 * request never hangs on it.
 */
@Injectable()
export class RedisClient extends Redis implements OnModuleDestroy {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config.redis.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 });
    // Connection errors are reported by the health check and by the callers;
    // without a listener ioredis would print each retry.
    this.on('error', () => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    this.disconnect();
  }
}

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
