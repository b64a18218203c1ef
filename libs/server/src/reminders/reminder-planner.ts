import { Inject, Injectable } from '@nestjs/common';
import { planReminders, type Regulation, type ReminderSettings, type ReminderSnapshot } from '@jalon/domain';
import { Database, fromDbDate, fromOptionalDbDate } from '../database/index.js';
import { JobQueue } from '../jobs/index.js';
import { REGULATION } from '../regulation/index.js';
import { ReminderRepository, type PlanningPathway } from './reminder.repository.js';
import { reminderSettingsOf, replanJobId } from './reminder-settings.js';

/**
 * Keeps a pathway's planned reminders in step with its data, in the
 * transaction of the change that moved a date: reminders the plan no longer
 * has are cancelled, new ones are added. The worker sends what is due, and
 * re-plans every open pathway of a tenant whose settings changed.
 */
@Injectable()
export class ReminderPlanner {
  constructor(
    @Inject(REGULATION) private readonly regulation: Regulation,
    private readonly db: Database,
    private readonly reminders: ReminderRepository,
    private readonly jobs: JobQueue,
  ) {}

  /** `settings`: the tenant's, when the caller has them already (a re-plan of many pathways). */
  async replan(tenantId: string, pathway: PlanningPathway, now: Date = new Date(), settings?: ReminderSettings): Promise<void> {
    const planned = planReminders(await this.snapshot(tenantId, pathway), settings ?? (await this.settings(tenantId)), now, this.regulation);
    const wanted = new Set(planned.map((r) => r.dedupKey));
    const pending = await this.reminders.pending(tenantId, pathway.id);
    // Only what is still to come: a reminder already due goes out as planned.
    await this.reminders.cancel(
      tenantId,
      pending.filter((r) => !wanted.has(r.dedupKey) && r.dueAt > now).map((r) => r.id),
      now,
    );
    await this.reminders.upsertPlanned(tenantId, pathway.id, planned);
  }

  /** The tenant's lead times and thresholds over the defaults. */
  async settings(tenantId: string): Promise<ReminderSettings> {
    return reminderSettingsOf(await this.reminders.tenantSettings(tenantId));
  }

  /**
   * After a settings change, in its transaction: the tenant is marked as to be
   * re-planned and, once that commits, the worker's `reminder.replan` job is
   * queued. If Redis misses it, the worker's sweep finds the mark.
   */
  async requestReplan(tenantId: string, at: Date = new Date()): Promise<void> {
    await this.reminders.requestReplan(tenantId, at);
    this.db.afterCommit(() => this.jobs.enqueue('reminder.replan', { tenantId }, { jobId: replanJobId(tenantId, at) }));
  }

  private async snapshot(tenantId: string, p: PlanningPathway): Promise<ReminderSnapshot> {
    const contract = [...p.contracts].reverse().find((c) => !c.actualEndDate) ?? p.contracts[p.contracts.length - 1] ?? null;
    const admissibility = p.admissibilities.find((a) => a.isActive) ?? null;
    const jury = p.jurySessions.find((j) => j.isActive) ?? null;
    const cycles = await this.reminders.openAfestCycles(tenantId, p.id);
    return {
      pathwayId: p.id,
      state: p.state,
      contract: contract
        ? {
            startDate: fromDbDate(contract.startDate),
            plannedEndDate: fromDbDate(contract.plannedEndDate),
            trialEndDate: fromOptionalDbDate(contract.trialEndDate),
            opcoFiledOn: fromOptionalDbDate(contract.opcoFiledOn),
            opcoDecision: contract.opcoDecision,
            endedOn: fromOptionalDbDate(contract.actualEndDate),
          }
        : null,
      candidate: { birthDate: fromDbDate(p.candidate.birthDate) },
      activeAdmissibility: admissibility ? { completeOn: fromOptionalDbDate(admissibility.completeOn), decision: admissibility.decision, validUntil: fromOptionalDbDate(admissibility.validUntil) } : null,
      activeJury: jury ? { date: fromDbDate(jury.date), result: jury.result } : null,
      openAfestCycles: cycles.map((c) => ({ id: c.id, situationOn: fromOptionalDbDate(c.situationOn), reflectionOn: fromOptionalDbDate(c.reflectionOn) })),
    };
  }
}
