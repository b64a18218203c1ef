import { Injectable } from '@nestjs/common';
import { checkAfestStep, compareDates, nextAfestStep, parisDate, type AfestDates } from '@jalon/domain';
import type {
  AfestCycleView,
  CreateAfestCycleInput,
  CreateTrainingModuleInput,
  RecordAfestStepInput,
  TrainingModuleView,
  UpdateTrainingModuleInput,
} from '@jalon/contracts';
import { RequestContext } from '@jalon/server/context';
import { fromDbDate, fromOptionalDbDate, toDbDate, type TrainingModule } from '@jalon/server/database';
import { notFound, ruleViolation, validationFailed } from '@jalon/server/errors';
import { ReminderPlanner } from '@jalon/server/reminders';
import { AuditTrail } from '../audit/audit-trail.js';
import { CertificationRepository } from '../certifications/certification.repository.js';
import { PathwayAccess } from '../pathways/pathway-access.js';
import { PathwayRepository, type PathwayDetail } from '../pathways/pathway.repository.js';
import { AfestRepository, type AfestCycleRow } from './afest.repository.js';

/** AFEST cycles (tutors and staff) and training modules (staff): the theory part of a pathway. */
@Injectable()
export class AfestService {
  constructor(
    private readonly context: RequestContext,
    private readonly access: PathwayAccess,
    private readonly pathways: PathwayRepository,
    private readonly certifications: CertificationRepository,
    private readonly afest: AfestRepository,
    private readonly audit: AuditTrail,
    private readonly reminders: ReminderPlanner,
  ) {}

  async createCycle(pathwayId: string, input: CreateAfestCycleInput): Promise<AfestCycleView> {
    const pathway = await this.access.find(pathwayId, 'follow');
    await this.checkCompetencies(pathway, input.competencyIds, 'competencyIds');
    if (compareDates(input.analysisOn, parisDate(new Date())) > 0) {
      throw ruleViolation([{ code: 'AFEST_DATE_IN_FUTURE', message: 'Une étape se saisit une fois réalisée : sa date ne peut pas être dans le futur.', path: 'analysisOn' }]);
    }
    const cycle = await this.afest.createCycle(this.context.tenantId, pathwayId, { ...input, createdById: this.context.principal!.userId });
    await this.pathways.touch(this.context.tenantId, pathwayId);
    await this.audit.record({ action: 'afest.create', entity: 'AfestCycle', entityId: cycle.id, after: { pathwayId, title: input.title } });
    await this.reminders.replan(this.context.tenantId, pathway);
    return toView(cycle);
  }

  async recordStep(pathwayId: string, cycleId: string, input: RecordAfestStepInput): Promise<AfestCycleView> {
    const pathway = await this.access.find(pathwayId, 'follow');
    const tenantId = this.context.tenantId;
    await this.afest.lockCycle(tenantId, cycleId);
    const cycle = await this.afest.findCycle(tenantId, pathwayId, cycleId);
    if (!cycle) throw notFound('Ce cycle AFEST');
    const violation = checkAfestStep(datesOf(cycle), input.step, input.date, parisDate(new Date()));
    if (violation) throw ruleViolation([{ code: violation.code, message: violation.message.fr, path: violation.path }]);
    if (input.step === 'EVALUATION') {
      const outside = input.assessments.filter((a) => !cycle.competencyIds.includes(a.competencyId));
      if (outside.length) {
        throw validationFailed(outside.map((a) => ({ path: `assessments.${input.assessments.indexOf(a)}.competencyId`, message: 'Cette compétence n’est pas travaillée dans ce cycle.' })));
      }
      await this.afest.recordAssessments(tenantId, pathway.id, cycleId, input.date, input.assessments);
    }
    await this.afest.recordStep(tenantId, cycleId, input.step, input.date, input.notes ?? null);
    await this.pathways.touch(tenantId, pathwayId);
    await this.audit.record({ action: `afest.${input.step.toLowerCase()}`, entity: 'AfestCycle', entityId: cycleId, after: { date: input.date } });
    // A mise en situation plans AFEST_REFLECTION_DUE; the séquence réflexive cancels it.
    await this.reminders.replan(tenantId, pathway);
    return toView((await this.afest.findCycle(tenantId, pathwayId, cycleId))!);
  }

  async listCycles(pathwayId: string): Promise<AfestCycleView[]> {
    await this.access.find(pathwayId);
    return (await this.afest.listCycles(this.context.tenantId, pathwayId)).map(toView);
  }

  async createModule(pathwayId: string, input: CreateTrainingModuleInput): Promise<TrainingModuleView> {
    await this.access.find(pathwayId, 'follow');
    checkModuleDates(input.startDate, input.endDate);
    const module = await this.afest.createModule(this.context.tenantId, pathwayId, {
      title: input.title,
      provider: input.provider,
      hoursPlanned: input.hoursPlanned,
      hoursDone: input.hoursDone,
      startDate: input.startDate ? toDbDate(input.startDate) : null,
      endDate: input.endDate ? toDbDate(input.endDate) : null,
    });
    await this.audit.record({ action: 'training.create', entity: 'TrainingModule', entityId: module.id, after: moduleView(module) });
    return moduleView(module);
  }

  async updateModule(pathwayId: string, id: string, input: UpdateTrainingModuleInput): Promise<TrainingModuleView> {
    await this.access.find(pathwayId, 'follow');
    const tenantId = this.context.tenantId;
    const before = await this.afest.findModule(tenantId, pathwayId, id);
    if (!before) throw notFound('Ce module de formation');
    checkModuleDates(input.startDate ?? fromOptionalDbDate(before.startDate) ?? undefined, input.endDate ?? fromOptionalDbDate(before.endDate) ?? undefined);
    const { startDate, endDate, ...rest } = input;
    await this.afest.updateModule(tenantId, id, { ...rest, ...(startDate ? { startDate: toDbDate(startDate) } : {}), ...(endDate ? { endDate: toDbDate(endDate) } : {}) });
    const after = (await this.afest.findModule(tenantId, pathwayId, id))!;
    await this.audit.record({ action: 'training.update', entity: 'TrainingModule', entityId: id, before: moduleView(before), after: moduleView(after) });
    return moduleView(after);
  }

  async listModules(pathwayId: string): Promise<TrainingModuleView[]> {
    await this.access.find(pathwayId);
    return (await this.afest.listModules(this.context.tenantId, pathwayId)).map(moduleView);
  }

  private async checkCompetencies(pathway: PathwayDetail, ids: string[], path: string): Promise<void> {
    const certification = await this.certifications.findById(this.context.tenantId, pathway.certificationId);
    const known = new Set(
      (certification?.blocs ?? []).filter((b) => !pathway.targetBlocCodes.length || pathway.targetBlocCodes.includes(b.code)).flatMap((b) => b.competencies.map((c) => c.id)),
    );
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw validationFailed(unknown.map((id) => ({ path: `${path}.${ids.indexOf(id)}`, message: 'Cette compétence ne fait pas partie du parcours.' })));
  }
}

function checkModuleDates(start?: string, end?: string): void {
  if (start && end && compareDates(end, start) < 0) throw validationFailed([{ path: 'endDate', message: 'La fin du module précède son début.' }]);
}

function datesOf(cycle: AfestCycleRow): AfestDates {
  return {
    ANALYSIS: fromDbDate(cycle.analysisOn),
    SITUATION: fromOptionalDbDate(cycle.situationOn),
    REFLECTION: fromOptionalDbDate(cycle.reflectionOn),
    EVALUATION: fromOptionalDbDate(cycle.evaluationOn),
  };
}

function toView(cycle: AfestCycleRow): AfestCycleView {
  const step = (date: Date | null, notes: string | null) => (date ? { date: fromDbDate(date), notes } : null);
  return {
    id: cycle.id,
    title: cycle.title,
    competencyIds: cycle.competencyIds,
    steps: {
      ANALYSIS: step(cycle.analysisOn, cycle.analysisNotes),
      SITUATION: step(cycle.situationOn, cycle.situationNotes),
      REFLECTION: step(cycle.reflectionOn, cycle.reflectionNotes),
      EVALUATION: step(cycle.evaluationOn, cycle.evaluationNotes),
    },
    nextStep: nextAfestStep(datesOf(cycle)) as AfestCycleView['nextStep'],
    assessments: cycle.assessments,
    createdAt: cycle.createdAt.toISOString(),
  };
}

function moduleView(m: TrainingModule): TrainingModuleView {
  return {
    id: m.id,
    title: m.title,
    provider: m.provider,
    hoursPlanned: Number(m.hoursPlanned),
    hoursDone: Number(m.hoursDone),
    startDate: fromOptionalDbDate(m.startDate),
    endDate: fromOptionalDbDate(m.endDate),
  };
}
