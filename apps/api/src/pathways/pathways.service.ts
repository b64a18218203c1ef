import { Inject, Injectable } from '@nestjs/common';
import { availableActions, checkContract, checkTutorCapacity, heldBackActions, parisDate, PATHWAY_STATES, transition, yearOf, type PathwayAction, type PathwayState, type Regulation, type RuleViolation } from '@jalon/domain';
import {
  ErrorCode,
  normaliseForSearch,
  type ContractView,
  type CreateContractInput,
  type CreatePathwayInput,
  type CreatePlacementInput,
  type ListPathwaysInput,
  type Page,
  type PathwaySummary,
  type PathwayView,
  type StatusHistoryView,
  type TransitionInput,
  type TransitionResponse,
  type UpdateContractInput,
  type UpdatePathwayInput,
  type UpdatePlacementInput,
} from '@jalon/contracts';
import { RequestContext } from '@jalon/server/context';
import { Database, fromDbDate, toDbDate, type Prisma } from '@jalon/server/database';
import { pathwaysMatching } from '@jalon/server/deadlines';
import { AppError, notFound, ruleViolation, validationFailed } from '@jalon/server/errors';
import { REGULATION } from '@jalon/server/regulation';
import { ReminderPlanner } from '@jalon/server/reminders';
import { AuditTrail } from '../audit/audit-trail.js';
import type { JsonText } from '../http/json-text.js';
import { MembershipRepository } from '../auth/membership.repository.js';
import { CandidateRepository } from '../candidates/candidate.repository.js';
import { CertificationRepository } from '../certifications/certification.repository.js';
import { CohortRepository } from '../cohorts/cohort.repository.js';
import { EmployerRepository } from '../employers/employer.repository.js';
import { DashboardCache } from '../dashboard/dashboard.cache.js';
import { DashboardRepository } from '../dashboard/dashboard.repository.js';
import { ContractRepository } from './contract.repository.js';
import { PathwayAccess } from './pathway-access.js';
import { toSnapshot } from './pathway-snapshot.js';
import { PathwayRepository, type PathwayDetail, type PathwayFilter } from './pathway.repository.js';
import { toContractView, toHistoryView, toView } from './pathway.views.js';
import { TransitionRecorder } from './transition-recorder.js';

const CLOSED_STATES = new Set(['CLOSED', 'WITHDRAWN']);

const violations = (list: RuleViolation[]) => ruleViolation(list.map((v) => ({ code: v.code, message: v.message.fr, path: v.path })));

@Injectable()
export class PathwaysService {
  constructor(
    @Inject(REGULATION) private readonly regulation: Regulation,
    private readonly context: RequestContext,
    private readonly access: PathwayAccess,
    private readonly pathways: PathwayRepository,
    private readonly contracts: ContractRepository,
    private readonly candidates: CandidateRepository,
    private readonly certifications: CertificationRepository,
    private readonly cohorts: CohortRepository,
    private readonly employers: EmployerRepository,
    private readonly memberships: MembershipRepository,
    private readonly recorder: TransitionRecorder,
    private readonly audit: AuditTrail,
    private readonly reminders: ReminderPlanner,
    private readonly dashboardCache: DashboardCache,
    private readonly dashboard: DashboardRepository,
    private readonly db: Database,
  ) {}

  async create(input: CreatePathwayInput): Promise<PathwayView> {
    const tenantId = this.context.tenantId;
    const errors: { path: string; message: string }[] = [];
    const candidate = await this.candidates.findById(tenantId, input.candidateId);
    const certification = await this.certifications.findById(tenantId, input.certificationId);
    if (!candidate) errors.push({ path: 'candidateId', message: 'Personne introuvable.' });
    if (!certification) errors.push({ path: 'certificationId', message: 'Certification introuvable dans votre catalogue.' });
    const unknownBlocs = certification ? input.targetBlocCodes.filter((code) => !certification.blocs.some((b) => b.code === code)) : [];
    if (unknownBlocs.length) errors.push({ path: 'targetBlocCodes', message: `Blocs inconnus pour cette certification : ${unknownBlocs.join(', ')}.` });
    errors.push(...(await this.assignmentErrors(input, { certificationId: input.certificationId, cohortId: null, referentCoordinatorId: null })));
    if (errors.length) throw validationFailed(errors);

    const pathway = await this.pathways.create(tenantId, {
      candidateId: input.candidateId,
      certificationId: input.certificationId,
      targetBlocCodes: input.targetBlocCodes,
      cohortId: input.cohortId ?? null,
      referentCoordinatorId: input.referentCoordinatorId ?? this.context.principal!.userId,
    });
    await this.pathways.appendHistory(tenantId, { pathwayId: pathway.id, fromState: null, toState: pathway.state, action: 'create', payload: {}, actorId: this.context.principal!.userId });
    await this.audit.record({ action: 'pathway.create', entity: 'Pathway', entityId: pathway.id, after: { certificationId: pathway.certificationId, targetBlocCodes: pathway.targetBlocCodes } });
    return this.afterChange(pathway.id);
  }

  async get(id: string): Promise<PathwayView> {
    const pathway = await this.find(id);
    return this.view(pathway);
  }

  async list(query: ListPathwaysInput): Promise<JsonText<Page<PathwaySummary>>> {
    const tenantId = this.context.tenantId;
    const scope = await this.access.scope();
    const filter: PathwayFilter = {
      states: query.state,
      cohortId: query.cohortId,
      coordinatorId: query.coordinatorId,
      employerId: query.employerId,
      tutorMembershipId: query.tutorId,
      candidateId: query.candidateId,
      activity: query.activity,
      candidateSearch: query.q ? normaliseForSearch(query.q) : undefined,
    };
    // Staff filtering by state at most (a coordinator's usual view): the total adds up the tenant's
    // cached counts by state, instead of counting thousands of rows again for every page.
    const { states, ...narrowing } = filter;
    const byStateOnly = scope.kind === 'tenant' && Object.values(narrowing).every((value) => value === undefined);
    const byState = byStateOnly ? await this.countsByState(tenantId) : undefined;
    const total = byState && [...new Set(states ?? PATHWAY_STATES)].reduce((sum, state) => sum + (byState[state] ?? 0), 0);
    return this.pathways.list(tenantId, scope, filter, { sort: query.sort, page: query.page, pageSize: query.pageSize, total });
  }

  async update(id: string, input: UpdatePathwayInput): Promise<PathwayView> {
    const tenantId = this.context.tenantId;
    const pathway = await this.lockAndFind(id, input.expectedVersion);
    const errors = await this.assignmentErrors(input, pathway);
    if (errors.length) throw validationFailed(errors);
    const { expectedVersion, ...changes } = input;
    await this.pathways.updateVersioned(tenantId, id, expectedVersion, changes);
    await this.audit.record({ action: 'pathway.update', entity: 'Pathway', entityId: id, before: { cohortId: pathway.cohortId, referentCoordinatorId: pathway.referentCoordinatorId, activity: pathway.activity }, after: changes });
    this.dashboardCache.invalidateAfterCommit(tenantId);
    return this.get(id);
  }

  async addContract(id: string, input: CreateContractInput): Promise<ContractView> {
    const tenantId = this.context.tenantId;
    const pathway = await this.lockAndFind(id);
    this.assertOpen(pathway);
    this.checkContractRules(pathway, input);
    const { branchAgreementAllows24Months: _ignored, ...data } = input;
    const contract = await this.contracts.createContract(tenantId, id, {
      ...data,
      startDate: toDbDate(input.startDate),
      plannedEndDate: toDbDate(input.plannedEndDate),
      trialEndDate: input.trialEndDate ? toDbDate(input.trialEndDate) : null,
      opcoFiledOn: input.opcoFiledOn ? toDbDate(input.opcoFiledOn) : null,
    });
    await this.pathways.updateVersioned(tenantId, id, pathway.version, {});
    await this.audit.record({ action: 'contract.create', entity: 'Contract', entityId: contract.id, after: toContractView(contract) });
    await this.afterChange(id);
    return toContractView(contract);
  }

  async updateContract(id: string, contractId: string, input: UpdateContractInput): Promise<ContractView> {
    const tenantId = this.context.tenantId;
    const pathway = await this.lockAndFind(id);
    const existing = await this.contracts.findContract(tenantId, id, contractId);
    if (!existing) throw notFound('Ce contrat');
    const before = toContractView(existing);
    // The rules read absent values as undefined; stored ones and those being cleared are null.
    const present = (fields: object) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));
    this.checkContractRules(pathway, { ...present(before), ...present(input) } as CreateContractInput);
    const { branchAgreementAllows24Months: _ignored, ...data } = input;
    // A date given is stored as a day, null clears it, absent leaves it.
    const day = <T extends string | null | undefined>(value: T) => (typeof value === 'string' ? toDbDate(value) : value) as Exclude<T, string> | Date;
    await this.contracts.updateContract(tenantId, contractId, {
      ...data,
      startDate: day(input.startDate),
      plannedEndDate: day(input.plannedEndDate),
      trialEndDate: day(input.trialEndDate),
      opcoFiledOn: day(input.opcoFiledOn),
      actualEndDate: day(input.actualEndDate),
    });
    await this.pathways.updateVersioned(tenantId, id, pathway.version, {});
    const after = toContractView((await this.contracts.findContract(tenantId, id, contractId))!);
    await this.audit.record({ action: 'contract.update', entity: 'Contract', entityId: contractId, before, after });
    await this.afterChange(id);
    return after;
  }

  async addPlacement(id: string, input: CreatePlacementInput): Promise<PathwayView> {
    const tenantId = this.context.tenantId;
    const pathway = await this.lockAndFind(id);
    this.assertOpen(pathway);
    const errors: { path: string; message: string }[] = [];
    const contract = pathway.contracts.find((c) => c.id === input.contractId);
    if (!contract) errors.push({ path: 'contractId', message: 'Ce contrat n’appartient pas à ce parcours.' });
    if (!(await this.employers.findById(tenantId, input.employerId))) errors.push({ path: 'employerId', message: 'Entreprise adhérente introuvable.' });
    const tutor = await this.memberships.findById(tenantId, input.tutorMembershipId);
    if (!tutor || !['TUTOR', 'COORDINATOR', 'TENANT_ADMIN'].includes(tutor.role)) errors.push({ path: 'tutorMembershipId', message: 'Ce tuteur n’est pas membre de votre GEIQ.' });
    if (input.endDate && input.endDate < input.startDate) errors.push({ path: 'endDate', message: 'La fin de la mise à disposition précède son début.' });
    if (contract && (input.startDate < fromDbDate(contract.startDate) || input.startDate > fromDbDate(contract.plannedEndDate))) {
      errors.push({ path: 'startDate', message: 'La mise à disposition doit commencer pendant le contrat.' });
    }
    if (errors.length) throw validationFailed(errors);

    const load = await this.contracts.lockTutorLoad(tenantId, input.tutorMembershipId, input.startDate);
    const capacity = checkTutorCapacity({ currentAlternants: load, tutorIsEmployer: input.tutorIsEmployer, tutorIsGeiqCoordinator: tutor!.role !== 'TUTOR' }, this.regulation);
    if (capacity) throw violations([capacity]);

    const placement = await this.contracts.createPlacement(tenantId, id, {
      contractId: input.contractId,
      employerId: input.employerId,
      tutorMembershipId: input.tutorMembershipId,
      tutorIsEmployer: input.tutorIsEmployer,
      startDate: toDbDate(input.startDate),
      endDate: input.endDate ? toDbDate(input.endDate) : null,
    });
    await this.pathways.updateVersioned(tenantId, id, pathway.version, {});
    await this.audit.record({ action: 'placement.create', entity: 'Placement', entityId: placement.id, after: { employerId: input.employerId, tutorMembershipId: input.tutorMembershipId, startDate: input.startDate } });
    return this.afterChange(id);
  }

  async endPlacement(id: string, placementId: string, input: UpdatePlacementInput): Promise<PathwayView> {
    const tenantId = this.context.tenantId;
    const pathway = await this.lockAndFind(id);
    const placement = await this.contracts.findPlacement(tenantId, id, placementId);
    if (!placement) throw notFound('Cette mise à disposition');
    if (input.endDate < fromDbDate(placement.startDate)) throw validationFailed([{ path: 'endDate', message: 'La fin de la mise à disposition précède son début.' }]);
    await this.contracts.updatePlacement(tenantId, placementId, { endDate: toDbDate(input.endDate) });
    await this.pathways.updateVersioned(tenantId, id, pathway.version, {});
    await this.audit.record({ action: 'placement.end', entity: 'Placement', entityId: placementId, after: input });
    return this.afterChange(id);
  }

  /**
   * Runs the state machine and, in the request's transaction, writes the new
   * state, its history row, the VAE records and the audit row.
   */
  async transition(id: string, input: TransitionInput): Promise<TransitionResponse> {
    const tenantId = this.context.tenantId;
    const pathway = await this.lockAndFind(id, input.expectedVersion);
    const now = new Date();
    const snapshot = await this.snapshotOf(pathway, now, 'submittedOn' in input ? input.submittedOn : undefined);
    const { action, expectedVersion, ...payload } = input;
    const result = transition(snapshot, { type: action, ...payload } as PathwayAction, now, this.regulation);
    if (!result.ok) throw violations([result.violation]);

    const changes = await this.recorder.record(pathway, result.events);
    await this.pathways.updateVersioned(tenantId, id, expectedVersion, { state: result.to, ...changes });
    await this.pathways.appendHistory(tenantId, { pathwayId: id, fromState: result.from, toState: result.to, action, payload: payload as Prisma.InputJsonValue, actorId: this.context.principal!.userId });
    await this.audit.record({ action: `pathway.${action}`, entity: 'Pathway', entityId: id, before: { state: result.from }, after: { state: result.to, ...payload } });
    return { pathway: await this.afterChange(id), warnings: result.warnings.map((w) => ({ code: w.code, message: w.message.fr })) };
  }

  async history(id: string): Promise<StatusHistoryView[]> {
    await this.find(id);
    return (await this.pathways.history(this.context.tenantId, id)).map(toHistoryView);
  }

  /** After any change that can move a date: the reminders are re-planned in the same transaction, then the new view. */
  private async afterChange(id: string): Promise<PathwayView> {
    const pathway = await this.find(id);
    await this.reminders.replan(this.context.tenantId, pathway);
    this.dashboardCache.invalidateAfterCommit(this.context.tenantId);
    return this.view(pathway);
  }

  private find(id: string): Promise<PathwayDetail> {
    return this.access.find(id);
  }

  /** For changes: locks the row, then checks the optimistic version when one is given (409 with the current one). */
  private async lockAndFind(id: string, expectedVersion?: number): Promise<PathwayDetail> {
    await this.pathways.lock(this.context.tenantId, id);
    const pathway = await this.find(id);
    if (expectedVersion !== undefined && pathway.version !== expectedVersion) {
      throw new AppError(409, ErrorCode.VersionConflict, 'Ce parcours a été modifié entre-temps. Rechargez la page pour voir sa dernière version.', undefined, {
        currentVersion: pathway.version,
      });
    }
    return pathway;
  }

  private assertOpen(pathway: PathwayDetail): void {
    if (CLOSED_STATES.has(pathway.state)) throw new AppError(409, ErrorCode.Conflict, 'Ce parcours est clos : il ne peut plus être modifié.');
  }

  private checkContractRules(pathway: PathwayDetail, input: CreateContractInput): void {
    const broken = checkContract(
      {
        kind: input.kind,
        birthDate: fromDbDate(pathway.candidate.birthDate),
        startDate: input.startDate,
        plannedEndDate: input.plannedEndDate,
        trialEndDate: input.trialEndDate,
        weeklyHours: input.weeklyHours,
        payPercentOfSmic: input.payPercentOfSmic,
        qualificationLevel: pathway.candidate.qualificationLevel,
        publicCategory: pathway.candidate.publicCategory ?? undefined,
        branchAgreementAllows24Months: input.branchAgreementAllows24Months,
        annualFundingEur: input.annualFundingEur,
      },
      this.regulation,
    );
    if (broken.length) throw violations(broken);
  }

  private async snapshotOf(pathway: PathwayDetail, now: Date, submittedOn?: string) {
    const today = parisDate(now);
    const year = yearOf(submittedOn ?? today);
    // The detail carries the current year's requests; a request dated in another year counts that year's.
    const requests =
      year === pathway.requestsYear
        ? pathway.candidate.pathways.flatMap((p) => p.admissibilities.map((a) => ({ certificationId: p.certificationId, blocsOnly: a.blocsOnly })))
        : await this.db.transaction(this.context.tenantId, () => this.pathways.admissibilityRequestsInYear(this.context.tenantId, pathway.candidateId, year));
    return toSnapshot(pathway, today, requests);
  }

  private async view(pathway: PathwayDetail): Promise<PathwayView> {
    if (!this.access.isStaff) return toView(pathway, [], []);
    const now = new Date();
    const snapshot = await this.snapshotOf(pathway, now);
    const heldBack = heldBackActions(snapshot, now, this.regulation).map(({ action, violation }) => ({ action, reason: violation.message.fr }));
    return toView(pathway, availableActions(snapshot, now, this.regulation), heldBack);
  }

  /** The tenant's pathways by state, kept with the dashboard's figures (moved by every change through this service); counted in a transaction of their own when stale. */
  private countsByState(tenantId: string): Promise<Partial<Record<PathwayState, number>>> {
    return this.dashboardCache.get(tenantId, 'counts-by-state', () =>
      this.db.transaction(tenantId, async () => Object.fromEntries((await this.dashboard.countsByState(tenantId, pathwaysMatching(tenantId, {}))).map((row) => [row.state, row.count]))),
    );
  }

  /**
   * A cohort of the GEIQ preparing the pathway's certification (locked, so
   * that its certification cannot change before this commits), and a
   * referent among its active staff; null: none. Only what changes is
   * checked: a referent who has left since stays until replaced.
   */
  private async assignmentErrors(
    input: { cohortId?: string | null; referentCoordinatorId?: string | null },
    current: { certificationId: string; cohortId: string | null; referentCoordinatorId: string | null },
  ): Promise<{ path: string; message: string }[]> {
    const tenantId = this.context.tenantId;
    const errors: { path: string; message: string }[] = [];
    if (input.cohortId && input.cohortId !== current.cohortId) {
      const cohort = (await this.cohorts.lock(tenantId, input.cohortId, 'share')) ? await this.cohorts.findById(tenantId, input.cohortId) : null;
      if (!cohort) errors.push({ path: 'cohortId', message: 'Promotion introuvable.' });
      else if (cohort.certificationId !== current.certificationId) errors.push({ path: 'cohortId', message: 'Cette promotion prépare une autre certification.' });
    }
    const referent = input.referentCoordinatorId && input.referentCoordinatorId !== current.referentCoordinatorId ? await this.memberships.referentError(tenantId, input.referentCoordinatorId) : null;
    if (referent) errors.push(referent);
    return errors;
  }
}
