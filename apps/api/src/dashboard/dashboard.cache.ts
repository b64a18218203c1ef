import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DashboardQueryInput, DashboardView } from '@jalon/contracts';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';
import { RedisClient } from '@jalon/server/redis';

/** How long a computed dashboard is served before it is computed again. */
export const DASHBOARD_TTL_SECONDS = 60;

/**
 * Computed dashboards, per tenant and filter, in Redis for a minute: a large
 * GEIQ's dashboard aggregates tens of thousands of pathways, and many
 * coordinators open it. A change to a pathway (a transition, a contract, a
 * placement) drops the tenant's dashboards once it commits; progress entries
 * do not, so coverage and tutor silence may be up to a minute old, which the
 * page says (`computedAt`). Redis being down only means computing each time.
 */
@Injectable()
export class DashboardCache {
  private readonly logger = new Logger(DashboardCache.name);
  private readonly prefix: string;
  /** Dashboards being computed in this process: concurrent misses wait for the same one. */
  private readonly inFlight = new Map<string, Promise<DashboardView>>();

  constructor(
    private readonly redis: RedisClient,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = `${config.redis.keyPrefix}:dashboard`;
  }

  async get(tenantId: string, filter: DashboardQueryInput, compute: () => Promise<DashboardView>): Promise<DashboardView> {
    const key = `${this.prefix}:${tenantId}`;
    const field = `${filter.cohortId ?? '*'}:${filter.coordinatorId ?? '*'}`;
    const cached = await this.redis.hget(key, field).catch(() => null);
    if (cached) return JSON.parse(cached) as DashboardView;

    const flight = `${tenantId}:${field}`;
    const pending = this.inFlight.get(flight);
    if (pending) return pending;
    const computing = compute().finally(() => this.inFlight.delete(flight));
    this.inFlight.set(flight, computing);
    const view = await computing;
    await this.redis
      .multi()
      .hset(key, field, JSON.stringify(view))
      .expire(key, DASHBOARD_TTL_SECONDS, 'NX')
      .exec()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'dashboard not cached'));
    return view;
  }

  /** Drops the tenant's dashboards (call after the change commits). */
  async invalidate(tenantId: string): Promise<void> {
    await this.redis.del(`${this.prefix}:${tenantId}`).catch((error: unknown) => this.logger.warn({ err: error }, 'dashboard cache not cleared'));
  }
}
