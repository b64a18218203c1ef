import { once } from 'node:events';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';
import { Database } from '@jalon/server/database';
import { RedisClient } from '@jalon/server/redis';

/**
 * Access tokens are checked without the database, for their whole lifetime
 * (15 minutes by default). When a membership is deactivated or its role
 * changes, the tokens already issued for it must stop working at once: the
 * membership is recorded as revoked in Redis (a sorted set by time, kept one
 * token lifetime, and a message to every API process), and each process
 * keeps the recent revocations in memory, so checking a token costs no round
 * trip. A token issued before its membership's revocation is refused; the
 * person's next refresh gives one with the membership as it now is, or none.
 */
@Injectable()
export class MembershipRevocations implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MembershipRevocations.name);
  /** Membership id → when it was last revoked (ms). */
  private readonly revokedAt = new Map<string, number>();
  private readonly key: string;
  private readonly tokenLifetimeMs: number;
  private subscriber?: Redis;

  constructor(
    private readonly redis: RedisClient,
    private readonly db: Database,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = `${config.redis.keyPrefix}:revoked-memberships`;
    this.tokenLifetimeMs = config.auth.accessTokenTtlSeconds * 1000;
  }

  onModuleInit(): void {
    // Its own connection (a subscribed one can do nothing else), which waits for Redis rather than failing the boot.
    this.subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel: string, message: string) => {
      const [membershipId, at] = message.split(' ');
      if (membershipId && at) this.remember(membershipId, Number(at));
    });
    // On every (re)connection: what was revoked meanwhile.
    this.subscriber.on('ready', () => void this.load());
    void this.subscriber.subscribe(this.key).catch((error: unknown) => this.logger.warn({ err: error }, 'revocations not subscribed'));
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }

  /** Once the current transaction commits: the membership's tokens issued until now stop working, in every API process. */
  revokeAfterCommit(membershipId: string): void {
    this.db.afterCommit(() => this.revoke(membershipId));
  }

  /** Whether a token of this membership, issued at `issuedAtMs`, was issued before the membership's revocation. */
  isRevoked(membershipId: string, issuedAtMs: number): boolean {
    const at = this.revokedAt.get(membershipId);
    return at !== undefined && issuedAtMs < at;
  }

  private async revoke(membershipId: string): Promise<void> {
    const at = Date.now();
    this.remember(membershipId, at);
    await this.redis
      .multi()
      .zadd(this.key, at, membershipId)
      .zremrangebyscore(this.key, '-inf', at - this.tokenLifetimeMs)
      .pexpire(this.key, this.tokenLifetimeMs)
      .publish(this.key, `${membershipId} ${at}`)
      .exec()
      .catch((error: unknown) => this.logger.warn({ err: error, membershipId }, 'revocation not shared with the other API processes'));
  }

  private async load(): Promise<void> {
    try {
      if (this.redis.status !== 'ready') await once(this.redis, 'ready');
      const entries = await this.redis.zrangebyscore(this.key, Date.now() - this.tokenLifetimeMs, '+inf', 'WITHSCORES');
      for (let i = 0; i < entries.length; i += 2) this.remember(entries[i]!, Number(entries[i + 1]));
    } catch (error) {
      this.logger.warn({ err: error }, 'revocations not loaded');
    }
  }

  private remember(membershipId: string, at: number): void {
    if (!Number.isFinite(at) || at <= (this.revokedAt.get(membershipId) ?? 0)) return;
    this.revokedAt.set(membershipId, at);
    // Tokens issued before the oldest ones have expired since: forget those.
    const expired = Date.now() - this.tokenLifetimeMs - 60_000;
    for (const [id, when] of this.revokedAt) if (when < expired) this.revokedAt.delete(id);
  }
}
