import { Inject, Injectable } from '@nestjs/common';
import { addDays, parisDate, PATHWAY_STATES, type Regulation } from '@jalon/domain';
import { DASHBOARD_LIST_LIMIT, type DashboardQueryInput, type DashboardView } from '@jalon/contracts';
import { RequestContext } from '@jalon/server/context';
import { Database, fromDbDate, fromOptionalDbDate } from '@jalon/server/database';
import { DeadlineRepository, pathwaysMatching } from '@jalon/server/deadlines';
import { REGULATION } from '@jalon/server/regulation';
import type { JsonText } from '../http/json-text.js';
import { DashboardCache } from './dashboard.cache.js';
import { DashboardRepository } from './dashboard.repository.js';

/** How long without a progress entry before a tutor shows as silent. */
const TUTOR_SILENCE_DAYS = 7;

@Injectable()
export class DashboardService {
  constructor(
    @Inject(REGULATION) private readonly regulation: Regulation,
    private readonly context: RequestContext,
    private readonly dashboard: DashboardRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly cache: DashboardCache,
    private readonly db: Database,
  ) {}

  /** From the cache when it is fresh, as the JSON stored; otherwise computed in a transaction of its own (the route opens none: @OwnTransactions). */
  view(filter: DashboardQueryInput): Promise<JsonText<DashboardView>> {
    const tenantId = this.context.tenantId;
    return this.cache.getJson(tenantId, `view:${filter.cohortId ?? '*'}:${filter.coordinatorId ?? '*'}`, () => this.db.transaction(tenantId, () => this.compute(filter)));
  }

  /** The queries run one after the other on one connection (one transaction); each is an aggregate or a short list. */
  private async compute(filter: DashboardQueryInput): Promise<DashboardView> {
    const tenantId = this.context.tenantId;
    const now = new Date();
    const today = parisDate(now);
    const limit = DASHBOARD_LIST_LIMIT;
    const decisionMonths = this.regulation.admissibility.decisionMonths;
    const where = pathwaysMatching(tenantId, filter);
    const counts = await this.dashboard.countsByState(tenantId, where);
    const window = { today, until: addDays(today, 30), opcoFilingDays: this.regulation.opco.filingDays, decisionMonths, limit };
    const deadlines = await this.deadlines.dueBy(tenantId, where, window);
    const juries = await this.dashboard.juries(tenantId, where, today, addDays(today, 30), limit);
    const contracts = await this.dashboard.contractsEnding(tenantId, where, today, addDays(today, 90), limit);
    const pending = await this.dashboard.admissibilityPending(tenantId, where, decisionMonths, today, limit);
    const silent = await this.dashboard.silentTutors(tenantId, where, today, addDays(today, -TUTOR_SILENCE_DAYS), limit);
    const buckets = await this.dashboard.coverageBuckets(tenantId, where);
    const person = (r: { first_name: string; last_name: string }) => ({ firstName: r.first_name, lastName: r.last_name });
    return {
      computedAt: now.toISOString(),
      countsByState: Object.fromEntries(PATHWAY_STATES.map((s) => [s, counts.find((c) => c.state === s)?.count ?? 0])) as DashboardView['countsByState'],
      deadlines: deadlines.map((d) => ({ pathwayId: d.pathway_id, candidate: person(d), kind: d.kind, dueOn: fromDbDate(d.due_on), overdue: fromDbDate(d.due_on) < today })),
      juriesNext30Days: juries.map((j) => ({ pathwayId: j.pathway_id, candidate: person(j), date: fromDbDate(j.date), place: j.place })),
      contractsEndingIn90Days: contracts.map((k) => ({ pathwayId: k.pathway_id, candidate: person(k), plannedEndDate: fromDbDate(k.planned_end_date), juryScheduled: k.jury_scheduled })),
      admissibilityAwaitingDecision: pending.map((a) => ({
        pathwayId: a.pathway_id,
        candidate: person(a),
        submittedOn: fromDbDate(a.submitted_on),
        completeOn: fromOptionalDbDate(a.complete_on),
        implicitFrom: fromOptionalDbDate(a.implicit_from),
        pastTwoMonths: !!a.implicit_from && fromDbDate(a.implicit_from) <= today,
      })),
      silentTutors: silent.map((t) => ({ membershipId: t.membership_id, ...person(t), pathways: t.pathways, lastEntryDate: fromOptionalDbDate(t.last_entry) })),
      coverageDistribution: [1, 2, 3, 4].map((bucket) => ({ from: (bucket - 1) * 25, to: bucket * 25, pathways: buckets.find((b) => b.bucket === bucket)?.pathways ?? 0 })),
      totals: {
        deadlines: deadlines[0]?.total ?? 0,
        overdueDeadlines: deadlines[0]?.overdue_total ?? 0,
        juriesNext30Days: juries[0]?.total ?? 0,
        contractsEndingIn90Days: contracts[0]?.total ?? 0,
        admissibilityAwaitingDecision: pending[0]?.total ?? 0,
        admissibilityPastTwoMonths: pending[0]?.past_total ?? 0,
        silentTutors: silent[0]?.total ?? 0,
      },
    };
  }
}
