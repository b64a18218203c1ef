import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { RequestContext } from '@jalon/server/context';
import { Database } from '@jalon/server/database';
import type { JobPayloads } from '@jalon/server/jobs';
import { ReminderPlanner, ReminderRepository } from '@jalon/server/reminders';
import { JobHandler, type HandlesJob } from '../jobs/job-handler.decorator.js';
import { WeeklyDigests } from './weekly-digest.js';

/** Pathways re-planned per transaction. */
const PAGE = 50;

/**
 * After a tenant's reminder settings changed (the API marked the tenant and
 * queued this job): every open pathway is re-planned with the new settings,
 * a page at a time, each page holding its pathways' row locks so a change
 * made meanwhile through the API waits for it; then the weekly digests (their
 * weekday and time are settings too). The mark is cleared at the end, unless
 * the settings changed again meanwhile. Idempotent: run twice, or again
 * after a crash, it re-plans to the same rows.
 */
@Injectable()
@JobHandler('reminder.replan')
export class ReminderReplanJob implements HandlesJob<'reminder.replan'> {
  private readonly logger = new Logger(ReminderReplanJob.name);

  constructor(
    private readonly db: Database,
    private readonly context: RequestContext,
    private readonly planner: ReminderPlanner,
    private readonly reminders: ReminderRepository,
    private readonly digests: WeeklyDigests,
  ) {}

  handle({ tenantId }: JobPayloads['reminder.replan'], job: Job): Promise<void> {
    return this.context.runForTenant(tenantId, () => this.replan(tenantId), `job:${job.id}`);
  }

  private async replan(tenantId: string): Promise<void> {
    const requestedAt = await this.db.transaction(tenantId, () => this.reminders.replanRequestedAt(tenantId));
    if (!requestedAt) return;
    let after: string | null = null;
    let count = 0;
    for (;;) {
      const page: string[] = await this.db.transaction(tenantId, async () => {
        // Read in each transaction: a newer change is applied from the next page on (and runs again in full).
        const settings = await this.planner.settings(tenantId);
        const now = new Date();
        const pathways = await this.reminders.lockOpenPathways(tenantId, after, PAGE);
        for (const pathway of pathways) await this.planner.replan(tenantId, pathway, now, settings);
        return pathways.map((p) => p.id);
      });
      count += page.length;
      if (page.length < PAGE) break;
      after = page[page.length - 1]!;
    }
    await this.db.transaction(tenantId, async () => {
      await this.digests.plan(tenantId, await this.planner.settings(tenantId), new Date());
      await this.reminders.clearReplanRequest(tenantId, requestedAt);
    });
    this.logger.log({ tenantId, pathways: count }, 'reminders re-planned after a settings change');
  }
}
