import { Injectable } from '@nestjs/common';
import { Database, toDbDate, type CompetencyLevel, type Prisma, type TrainingModule } from '@jalon/server/database';

const withAssessments = { assessments: { select: { competencyId: true, level: true }, orderBy: { id: 'asc' } } } satisfies Prisma.AfestCycleInclude;
export type AfestCycleRow = Prisma.AfestCycleGetPayload<{ include: typeof withAssessments }>;

/** AFEST cycles and training modules: the theory part of a pathway. */
@Injectable()
export class AfestRepository {
  constructor(private readonly db: Database) {}

  async createCycle(tenantId: string, pathwayId: string, data: { title: string; competencyIds: string[]; analysisOn: string; analysisNotes?: string; createdById: string }): Promise<AfestCycleRow> {
    const cycle = await this.db.client.afestCycle.create({
      data: { tenantId, pathwayId, title: data.title, competencyIds: data.competencyIds, analysisOn: toDbDate(data.analysisOn), analysisNotes: data.analysisNotes ?? null, createdById: data.createdById },
    });
    return (await this.findCycle(tenantId, pathwayId, cycle.id))!;
  }

  findCycle(tenantId: string, pathwayId: string, id: string): Promise<AfestCycleRow | null> {
    return this.db.client.afestCycle.findFirst({ where: { tenantId, pathwayId, id }, include: withAssessments });
  }

  listCycles(tenantId: string, pathwayId: string): Promise<AfestCycleRow[]> {
    return this.db.client.afestCycle.findMany({ where: { tenantId, pathwayId }, include: withAssessments, orderBy: [{ analysisOn: 'desc' }, { id: 'desc' }] });
  }

  /** Locks the cycle so that two steps recorded at once cannot both pass the order check. */
  async lockCycle(tenantId: string, id: string): Promise<void> {
    await this.db.client.$queryRaw`SELECT id FROM afest_cycles WHERE tenant_id = ${tenantId}::uuid AND id = ${id}::uuid FOR UPDATE`;
  }

  async recordStep(tenantId: string, id: string, step: 'SITUATION' | 'REFLECTION' | 'EVALUATION', date: string, notes: string | null): Promise<void> {
    const field = { SITUATION: 'situation', REFLECTION: 'reflection', EVALUATION: 'evaluation' }[step];
    await this.db.client.afestCycle.updateMany({ where: { tenantId, id }, data: { [`${field}On`]: toDbDate(date), [`${field}Notes`]: notes } });
  }

  /** The evaluation's levels count in the pathway's coverage like a tutor's observations. */
  async recordAssessments(tenantId: string, pathwayId: string, afestCycleId: string, date: string, assessments: { competencyId: string; level: CompetencyLevel }[]): Promise<void> {
    await this.db.client.competencyAssessment.createMany({
      data: assessments.map((a) => ({ tenantId, pathwayId, afestCycleId, competencyId: a.competencyId, level: a.level, assessedOn: toDbDate(date) })),
    });
  }

  createModule(tenantId: string, pathwayId: string, data: Omit<Prisma.TrainingModuleUncheckedCreateInput, 'id' | 'tenantId' | 'pathwayId'>): Promise<TrainingModule> {
    return this.db.client.trainingModule.create({ data: { ...data, tenantId, pathwayId } });
  }

  findModule(tenantId: string, pathwayId: string, id: string): Promise<TrainingModule | null> {
    return this.db.client.trainingModule.findFirst({ where: { tenantId, pathwayId, id } });
  }

  async updateModule(tenantId: string, id: string, data: Prisma.TrainingModuleUncheckedUpdateManyInput): Promise<void> {
    await this.db.client.trainingModule.updateMany({ where: { tenantId, id }, data });
  }

  listModules(tenantId: string, pathwayId: string): Promise<TrainingModule[]> {
    return this.db.client.trainingModule.findMany({ where: { tenantId, pathwayId }, orderBy: [{ startDate: 'asc' }, { id: 'asc' }] });
  }
}
