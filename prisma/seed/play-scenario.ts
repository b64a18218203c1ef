/**
 * Plays one row of demo-pathways.ts through the API: the pathway, its
 * contract and placement, then each step as a transition. What the API
 * refuses on purpose because it only makes sense as history is worked around
 * where it happens: a contract already over, a jury already held (SQL, as
 * the API tests do), the livret 1 on file (no upload API yet).
 */
import {
  addDays,
  addMonths,
  annualFundingCap,
  compareDates,
  FRENCH_REGULATION,
  latestTrialEndDate,
  minDate,
  minimumPayPercent,
  type LocalDate,
} from '@jalon/domain';
import type { ContractView, PathwayStateValue, PathwayView, TransitionInput, TransitionResponse } from '@jalon/contracts';
import type { PrismaClient } from '../../libs/server/src/database/generated/client.js';
import { inTenant } from './accounts.js';
import { fileAdmissibilityForm } from './admissibility-form.js';
import type { ApiSession } from './api-session.js';
import { dayOf, workingDay, type Offset } from './dates.js';
import { CANDIDATES, CERTIFICATIONS, DEMO_TENANT, EMPLOYERS, type CandidateKey, type CertificationKey, type CohortKey, type EmployerKey, type StaffKey, type TutorKey } from './demo-data.js';
import type { ContractPlan, PathwayScenario, Step } from './demo-pathways.js';

/** Ids of what the catalogue step created or found. */
export interface Catalogue {
  certifications: Record<CertificationKey, string>;
  employers: Record<EmployerKey, string>;
  candidates: Record<CandidateKey, string>;
  cohorts: Record<CohortKey, string>;
}

export interface PlayContext {
  api: ApiSession;
  prisma: PrismaClient;
  tenantId: string;
  today: LocalDate;
  catalogue: Catalogue;
  /** User ids of the GEIQ staff. */
  staff: Record<StaffKey, string>;
  /** Membership ids of the company tutors. */
  tutors: Record<TutorKey, string>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type TransitionBody = DistributiveOmit<TransitionInput, 'expectedVersion'>;

const R = FRENCH_REGULATION;
const dbDate = (day: LocalDate) => new Date(`${day}T00:00:00.000Z`);

export async function playScenario(scenario: PathwayScenario, ctx: PlayContext): Promise<PathwayStateValue> {
  const run = await PathwayRun.create(scenario, ctx);
  if (scenario.contract) await run.contractAndPlacement(scenario.contract);
  for (const step of scenario.steps) await run.play(step);
  await run.settleEnds();
  if (run.state !== scenario.expected) throw new Error(`${scenario.label}: ended in ${run.state}, expected ${scenario.expected}`);
  return run.state;
}

class PathwayRun {
  private view!: PathwayView;
  private contract: { id: string; end: LocalDate; ended: boolean } | null = null;
  private placementId: string | null = null;
  private withdrawnOn: LocalDate | null = null;
  private formFiled = false;

  private constructor(
    private readonly scenario: PathwayScenario,
    private readonly ctx: PlayContext,
  ) {}

  static async create(scenario: PathwayScenario, ctx: PlayContext): Promise<PathwayRun> {
    const run = new PathwayRun(scenario, ctx);
    run.view = await ctx.api.post<PathwayView>('/pathways', {
      candidateId: ctx.catalogue.candidates[scenario.candidate],
      certificationId: ctx.catalogue.certifications[scenario.certification],
      targetBlocCodes: scenario.targetBlocCodes ?? [],
      ...(scenario.cohort ? { cohortId: ctx.catalogue.cohorts[scenario.cohort] } : {}),
      referentCoordinatorId: ctx.staff[scenario.referent ?? 'coordination'],
    });
    return run;
  }

  get state(): PathwayStateValue {
    return this.view.state;
  }

  private get path(): string {
    return `/pathways/${this.view.id}`;
  }

  private day(offset: Offset): LocalDate {
    return dayOf(offset, this.ctx.today);
  }

  /**
   * The contract as signed, the placement from its first day, and the start
   * once the contract runs. `start` needs a contract running today, so a
   * contract that ended in the past is recorded with a provisional end and
   * given its real one in settleEnds (refused otherwise: START_REQUIRES_CONTRACT).
   */
  async contractAndPlacement(plan: ContractPlan): Promise<void> {
    const { today, api } = this.ctx;
    const candidate = CANDIDATES[this.scenario.candidate];
    const start = this.day(plan.start);
    const end = addDays(addMonths(start, plan.months), -1);
    const ended = compareDates(end, today) < 0;
    const plannedEndDate = ended ? minDate(addMonths(today, 1), addDays(addMonths(start, R.contract.vaeInversee.maxMonths), -1)) : end;
    if (compareDates(plannedEndDate, today) < 0) throw new Error(`${this.scenario.label}: a contract started ${start} cannot be running today`);
    const legalMinimum = minimumPayPercent(candidate.birthDate, candidate.qualificationLevel, start, R);
    const filedAfter = plan.opcoFiledAfterDays === undefined ? 3 : plan.opcoFiledAfterDays;
    const trialEndDate = latestTrialEndDate(start, end, R);
    const contract = await api.post<ContractView>(`${this.path}/contracts`, {
      kind: 'VAE_INVERSEE',
      startDate: start,
      plannedEndDate,
      ...(trialEndDate ? { trialEndDate } : {}),
      weeklyHours: 35,
      payPercentOfSmic: Math.max(plan.payPercentOfSmic ?? 0, legalMinimum),
      opco: EMPLOYERS[plan.employer].opco,
      ...(filedAfter === null ? {} : { opcoFiledOn: workingDay(addDays(start, filedAfter)) }),
      opcoDecision: plan.opcoDecision ?? 'ACCEPTED',
      annualFundingEur: Math.floor(annualFundingCap(start, end, R)),
    });
    this.contract = { id: contract.id, end, ended };
    this.view = await api.post<PathwayView>(`${this.path}/placements`, {
      contractId: contract.id,
      employerId: this.ctx.catalogue.employers[plan.employer],
      tutorMembershipId: this.ctx.tutors[plan.tutor],
      startDate: start,
      // For the contract's length: an open-ended placement would count against the tutor forever.
      ...(ended ? {} : { endDate: end }),
    });
    this.placementId = this.view.placements[0]?.id ?? null;
    if (compareDates(start, today) <= 0) await this.transition({ action: 'start' });
  }

  async play(step: Step): Promise<void> {
    switch (step.do) {
      case 'submitAdmissibility': {
        await this.fileAdmissibilityForm();
        const on = this.day(step.on);
        return this.transition({ action: 'submitAdmissibility', submittedOn: on, ...(step.complete ? { completeOn: on } : {}) });
      }
      case 'recordAdmissibility':
        return this.transition({ action: 'recordAdmissibility', decision: step.decision, decidedOn: this.day(step.on) });
      case 'submitDossier':
        return this.transition({ action: 'submitDossier', submittedOn: this.day(step.on) });
      case 'returnDossier':
        return this.transition({ action: 'returnDossier', returnedOn: this.day(step.on), reason: step.reason });
      case 'scheduleJury':
        return this.scheduleJury(this.day(step.on));
      case 'recordJuryResult':
        return this.transition({ action: 'recordJuryResult', result: step.result, ...(step.blocs ? { acquiredBlocCodes: step.blocs } : {}) });
      case 'resume':
        return this.transition({ action: 'resume' });
      case 'close':
        return this.transition({ action: 'close', exitOutcome: step.exitOutcome });
      case 'withdraw':
        this.withdrawnOn = this.day(step.on);
        return this.transition({ action: 'withdraw', reason: step.reason, date: this.withdrawnOn, inTrial: step.inTrial ?? false });
    }
  }

  /**
   * The contract's real end once it is over (the API records it as an
   * amendment of the planned end), and the end of the placement with it, or
   * on the day the candidate left. The withdrawal itself ends the contract.
   */
  async settleEnds(): Promise<void> {
    const { api } = this.ctx;
    if (!this.contract) return;
    let placementEnd: LocalDate | null = this.withdrawnOn;
    if (!this.withdrawnOn && this.contract.ended) {
      const current = this.view.contracts.find((c) => c.id === this.contract!.id)!;
      // Sent with the decision: the update schema's defaults would otherwise reset it.
      await api.patch<ContractView>(`${this.path}/contracts/${this.contract.id}`, { plannedEndDate: this.contract.end, opcoDecision: current.opcoDecision });
      placementEnd = this.contract.end;
    }
    if (placementEnd && this.placementId) this.view = await api.patch<PathwayView>(`${this.path}/placements/${this.placementId}`, { endDate: placementEnd });
  }

  private async transition(body: TransitionBody): Promise<void> {
    const response = await this.ctx.api.post<TransitionResponse>(`${this.path}/transitions`, { ...body, expectedVersion: this.view.version });
    this.view = response.pathway;
  }

  /**
   * A jury must be set on a future date, and its result recorded only once
   * that date has passed: a jury that sat in the past is scheduled for
   * tomorrow, then moved to its real date in SQL, as the API tests do.
   */
  private async scheduleJury(date: LocalDate): Promise<void> {
    const place = CERTIFICATIONS[this.scenario.certification].juryPlace;
    const { today, prisma, tenantId } = this.ctx;
    if (compareDates(date, today) > 0) return this.transition({ action: 'scheduleJury', date, place });
    await this.transition({ action: 'scheduleJury', date: addDays(today, 1), place });
    const pathwayId = this.view.id;
    await inTenant(prisma, tenantId, (tx) => tx.jurySession.updateMany({ where: { tenantId, pathwayId, isActive: true }, data: { date: dbDate(date) } }));
  }

  /** submitAdmissibility requires the livret 1 on file (ADMISSIBILITY_DOCUMENTS_MISSING otherwise). */
  private async fileAdmissibilityForm(): Promise<void> {
    if (this.formFiled) return;
    const candidate = CANDIDATES[this.scenario.candidate];
    await fileAdmissibilityForm(this.ctx.prisma, {
      tenantId: this.ctx.tenantId,
      pathwayId: this.view.id,
      uploadedById: this.ctx.staff.coordination,
      lines: [
        'Livret 1 – demande de recevabilité à la validation des acquis de l’expérience',
        `Candidat·e : ${candidate.firstName} ${candidate.lastName}`,
        `Certification visée : ${CERTIFICATIONS[this.scenario.certification].fiche.title}`,
        `Accompagnement : ${DEMO_TENANT.name} (VAE inversée)`,
        'Document de démonstration créé par le jeu de données Jalon.',
      ],
    });
    this.formFiled = true;
  }
}
