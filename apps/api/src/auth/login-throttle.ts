import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode } from '@jalon/contracts';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';
import { AppError } from '@jalon/server/errors';
import { RedisClient } from '@jalon/server/redis';
import { RetryableError } from '../http/problem.filter.js';

/**
 * Slows down password guessing, in Redis so that every API process shares the
 * counts: all attempts per IP, failures per account (known or not, so the
 * answer does not tell whether an e-mail exists). Fails open if Redis is
 * down: the argon2 cost still bounds guessing, and logins keep working.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly limits: AppConfig['auth']['loginThrottle'];
  private readonly prefix: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly redis: RedisClient,
  ) {
    this.limits = config.auth.loginThrottle;
    this.prefix = `${config.redis.keyPrefix}:login`;
  }

  /** Counts one attempt; throws 429 with Retry-After when the IP or the account is over its limit. */
  async beforeAttempt(ip: string, email: string): Promise<void> {
    try {
      const ipKey = `${this.prefix}:ip:${ip}`;
      const accountKey = this.accountKey(email);
      const replies = (await this.redis
        .multi()
        .incr(ipKey)
        .expire(ipKey, this.limits.windowSeconds, 'NX')
        .ttl(ipKey)
        .get(accountKey)
        .ttl(accountKey)
        .exec()) as [Error | null, unknown][];
      const [ipCount, , ipTtl, failures, accountTtl] = replies.map(([, value]) => Number(value ?? 0));
      if (ipCount! > this.limits.maxAttemptsPerIp) throw this.tooMany(ipTtl!);
      if (failures! >= this.limits.maxFailuresPerAccount) throw this.tooMany(accountTtl!);
    } catch (error) {
      if (error instanceof AppError) throw error;
      this.logger.warn({ err: error }, 'login throttle unavailable (Redis)');
    }
  }

  async onFailure(email: string): Promise<void> {
    const key = this.accountKey(email);
    await this.redis.multi().incr(key).expire(key, this.limits.windowSeconds, 'NX').exec().catch(() => undefined);
  }

  async onSuccess(email: string): Promise<void> {
    await this.redis.del(this.accountKey(email)).catch(() => undefined);
  }

  private accountKey(email: string): string {
    // Hashed: no e-mail address in Redis.
    return `${this.prefix}:account:${createHash('sha256').update(email).digest('hex')}`;
  }

  private tooMany(ttl: number): AppError {
    const retryAfter = Math.max(1, ttl);
    return new RetryableError(
      new AppError(429, ErrorCode.AuthTooManyAttempts, `Trop de tentatives de connexion. Réessayez dans ${Math.ceil(retryAfter / 60)} minute(s).`),
      retryAfter,
    );
  }
}
