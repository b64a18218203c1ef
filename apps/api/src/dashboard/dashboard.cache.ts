import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';
import { Database } from '@jalon/server/database';
import { RedisClient } from '@jalon/server/redis';
import { JsonText } from '../http/json-text.js';

/** How long computed figures are served before they are computed again. */
export const DASHBOARD_TTL_SECONDS = 60;

/** The tenant's generation, and the figures stored under it (ARGV: key prefix and suffix around the generation). */
const READ = `
local generation = redis.call('GET', KEYS[1]) or '0'
return {generation, redis.call('GET', ARGV[1] .. generation .. ARGV[2])}`;

/** Stores the figures only if no change committed since their computation began (the generation has not moved). */
const STORE = `
if (redis.call('GET', KEYS[1]) or '0') == ARGV[1] then
  redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
end
return 0`;

/**
 * Figures computed over a tenant's pathways, in Redis for a minute: the
 * dashboard per filter (a large GEIQ's aggregates tens of thousands of
 * pathways, and many coordinators open it) and the counts by state that
 * total the pathway list.
 *
 * Each tenant has a generation number, part of every key. A change made
 * through the pathway service (creation, edit, contract, placement,
 * transition) moves it once the change commits, so the next request
 * computes afresh; a computation that began before the change cannot store
 * its older figures. A pathway's state only changes there, so counts by
 * state are always current. Other writes (progress entries, a candidate's
 * name, a cohort's name) show on the dashboard within the minute; the page
 * says when its figures were computed (`computedAt`). Redis being down only
 * means computing each time.
 */
@Injectable()
export class DashboardCache {
  private readonly logger = new Logger(DashboardCache.name);
  private readonly prefix: string;
  /** Figures being computed in this process: concurrent misses for the same tenant, generation and key wait for one. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly redis: RedisClient,
    private readonly db: Database,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = `${config.redis.keyPrefix}:dashboard`;
  }

  /** The tenant's figures stored under `field` (a name and its filter), computed by `compute` when missing or stale. */
  async get<T>(tenantId: string, field: string, compute: () => Promise<T>): Promise<T> {
    const figures = await this.figures(tenantId, field, compute);
    return 'value' in figures ? figures.value : (JSON.parse(figures.json) as T);
  }

  /** As get(), as JSON text: what the cache holds is sent as it is, not parsed and serialised again. */
  async getJson<T>(tenantId: string, field: string, compute: () => Promise<T>): Promise<JsonText<T>> {
    const figures = await this.figures(tenantId, field, compute);
    return new JsonText('value' in figures ? (figures.json ?? JSON.stringify(figures.value)) : figures.json);
  }

  /** The stored JSON when it is fresh, otherwise the figures computed (and stored, as `json`, unless a change came meanwhile). */
  private async figures<T>(tenantId: string, field: string, compute: () => Promise<T>): Promise<{ json: string } | { value: T; json?: string }> {
    const generationKey = `${this.prefix}:${tenantId}:generation`;
    const read = (await this.redis.eval(READ, 1, generationKey, `${this.prefix}:${tenantId}:`, `:${field}`).catch(() => null)) as [string, string | null] | null;
    if (read?.[1]) return { json: read[1] };

    const generation = read?.[0] ?? 'unknown';
    const flight = `${tenantId}:${generation}:${field}`;
    const pending = this.inFlight.get(flight) as Promise<T> | undefined;
    if (pending) return { value: await pending };
    const computing = compute().finally(() => this.inFlight.delete(flight));
    this.inFlight.set(flight, computing);
    const value = await computing;
    if (!read) return { value };
    const json = JSON.stringify(value);
    await this.redis
      .eval(STORE, 2, generationKey, `${this.prefix}:${tenantId}:${generation}:${field}`, generation, json, DASHBOARD_TTL_SECONDS)
      .catch((error: unknown) => this.logger.warn({ err: error, field }, 'figures not cached'));
    return { value, json };
  }

  /** Makes the tenant's cached figures stale once the current transaction commits. */
  invalidateAfterCommit(tenantId: string): void {
    this.db.afterCommit(() => this.redis.incr(`${this.prefix}:${tenantId}:generation`).catch((error: unknown) => this.logger.warn({ err: error }, 'dashboard cache not cleared')));
  }
}
