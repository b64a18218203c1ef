import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_REMINDER_SETTINGS, planReminders, type Regulation, type ReminderSettings, type ReminderSnapshot } from '@jalon/domain';
import { RequestContext } from '@jalon/server/context';
import { fromDbDate, fromOptionalDbDate } from '@jalon/server/database';
import type { PathwayDetail } from '../pathways/pathway.repository.js';
import { REGULATION } from '../pathways/regulation.provider.js';
import { TenantRepository } from '../tenants/tenant.repository.js';
import { ReminderRepository } from './reminder.repository.js';

/**
 * Keeps a pathway's planned reminders in step with its data, in the
 * transaction of the change that moved a date: reminders the plan no longer
 * has are cancelled, new ones are added. The worker sends what is due.
 */
@Injectable()
export class ReminderPlanner {
  constructor(
    @Inject(REGULATION) private readonly regulation: Regulation,
    private readonly context: RequestContext,
    private readonly reminders: ReminderRepository,
    private readonly tenants: TenantRepository,
  ) {}

  async replan(pathway: PathwayDetail, now: Date = new Date()): Promise<void> {
    const tenantId = this.context.tenantId;
    const settings = await this.settings(tenantId);
    const planned = planReminders(await this.snapshot(pathway), settings, now, this.regulation);
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
    const tenant = await this.tenants.findById(tenantId);
    const custom = ((tenant?.settings ?? {}) as { reminders?: Partial<ReminderSettings> }).reminders ?? {};
    return { ...DEFAULT_REMINDER_SETTINGS, ...custom };
  }

  private async snapshot(p: PathwayDetail): Promise<ReminderSnapshot> {
    const contract = [...p.contracts].reverse().find((c) => !c.actualEndDate) ?? p.contracts[p.contracts.length - 1] ?? null;
    const admissibility = p.admissibilities.find((a) => a.isActive) ?? null;
    const jury = p.jurySessions.find((j) => j.isActive) ?? null;
    const cycles = await this.reminders.openAfestCycles(this.context.tenantId, p.id);
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
