import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DashboardQueryInput, DashboardView } from '@jalon/contracts';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';
import { Database } from '@jalon/server/database';
import { RedisClient } from '@jalon/server/redis';

/** How long a computed dashboard is served before it is computed again. */
export const DASHBOARD_TTL_SECONDS = 60;

/** The tenant's generation, and the dashboard stored under it (ARGV: key prefix and suffix around the generation). */
const READ = `
local generation = redis.call('GET', KEYS[1]) or '0'
return {generation, redis.call('GET', ARGV[1] .. generation .. ARGV[2])}`;

/** Stores the dashboard only if no change committed since its computation began (the generation has not moved). */
const STORE = `
if (redis.call('GET', KEYS[1]) or '0') == ARGV[1] then
  redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
end
return 0`;

/**
 * Computed dashboards, per tenant and filter, in Redis for a minute: a large
 * GEIQ's dashboard aggregates tens of thousands of pathways, and many
 * coordinators open it.
 *
 * Each tenant has a generation number, part of every key. A change made
 * through the pathway service (creation, edit, contract, placement,
 * transition) moves it once the change commits, so the next request
 * computes afresh; a computation that began before the change cannot store
 * its older figures. Other writes (progress entries, a candidate's name, a
 * cohort's name) show within the minute; the page says when its figures
 * were computed (`computedAt`). Redis being down only means computing each
 * time.
 */
@Injectable()
export class DashboardCache {
  private readonly logger = new Logger(DashboardCache.name);
  private readonly prefix: string;
  /** Dashboards being computed in this process: concurrent misses for the same tenant, generation and filter wait for one. */
  private readonly inFlight = new Map<string, Promise<DashboardView>>();

  constructor(
    private readonly redis: RedisClient,
    private readonly db: Database,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = `${config.redis.keyPrefix}:dashboard`;
  }

  async get(tenantId: string, filter: DashboardQueryInput, compute: () => Promise<DashboardView>): Promise<DashboardView> {
    const field = `${filter.cohortId ?? '*'}:${filter.coordinatorId ?? '*'}`;
    const generationKey = `${this.prefix}:${tenantId}:generation`;
    const read = (await this.redis.eval(READ, 1, generationKey, `${this.prefix}:${tenantId}:`, `:${field}`).catch(() => null)) as [string, string | null] | null;
    if (read?.[1]) return JSON.parse(read[1]) as DashboardView;

    const generation = read?.[0] ?? 'unknown';
    const flight = `${tenantId}:${generation}:${field}`;
    const pending = this.inFlight.get(flight);
    if (pending) return pending;
    const computing = compute().finally(() => this.inFlight.delete(flight));
    this.inFlight.set(flight, computing);
    const view = await computing;
    if (read) {
      await this.redis
        .eval(STORE, 2, generationKey, `${this.prefix}:${tenantId}:${generation}:${field}`, generation, JSON.stringify(view), DASHBOARD_TTL_SECONDS)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'dashboard not cached'));
    }
    return view;
  }

  /** Makes the tenant's cached dashboards stale once the current transaction commits. */
  invalidateAfterCommit(tenantId: string): void {
    this.db.afterCommit(() => this.redis.incr(`${this.prefix}:${tenantId}:generation`).catch((error: unknown) => this.logger.warn({ err: error }, 'dashboard cache not cleared')));
  }
}
