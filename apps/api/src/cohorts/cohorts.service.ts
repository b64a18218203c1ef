import { Injectable } from '@nestjs/common';
import { isValidLocalDate } from '@jalon/domain';
import { ErrorCode, type CohortView, type CreateCohortInput, type ListCohortsInput, type Page, type UpdateCohortInput } from '@jalon/contracts';
import { RequestContext } from '@jalon/server/context';
import { fromDbDate, toDbDate } from '@jalon/server/database';
import { AppError, notFound, validationFailed } from '@jalon/server/errors';
import { AuditTrail } from '../audit/audit-trail.js';
import { MembershipRepository } from '../auth/membership.repository.js';
import { CertificationRepository } from '../certifications/certification.repository.js';
import { CohortRepository, type CohortWithCount } from './cohort.repository.js';

@Injectable()
export class CohortsService {
  constructor(
    private readonly context: RequestContext,
    private readonly cohorts: CohortRepository,
    private readonly certifications: CertificationRepository,
    private readonly memberships: MembershipRepository,
    private readonly audit: AuditTrail,
  ) {}

  async create(input: CreateCohortInput): Promise<CohortView> {
    await this.checkReferences(input);
    const cohort = await this.cohorts.create(this.context.tenantId, {
      name: input.name,
      certificationId: input.certificationId,
      startDate: toDbDate(input.startDate),
      referentCoordinatorId: input.referentCoordinatorId ?? null,
    });
    await this.audit.record({ action: 'cohort.create', entity: 'Cohort', entityId: cohort.id, after: toView(cohort) });
    return toView(cohort);
  }

  async get(id: string): Promise<CohortView> {
    return toView(await this.find(id));
  }

  async update(id: string, input: UpdateCohortInput): Promise<CohortView> {
    // Locked first: a pathway put in the cohort meanwhile is counted below.
    await this.cohorts.lock(this.context.tenantId, id, 'update');
    const before = await this.find(id);
    if (input.certificationId && input.certificationId !== before.certificationId && before._count.pathways > 0) {
      throw new AppError(409, ErrorCode.InUse, 'Des parcours suivent cette promotion : sa certification ne peut plus changer.');
    }
    // Only what changes is checked: a referent who has left since stays until replaced.
    await this.checkReferences({ ...input, referentCoordinatorId: input.referentCoordinatorId === before.referentCoordinatorId ? undefined : input.referentCoordinatorId });
    const after = await this.cohorts.update(this.context.tenantId, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.certificationId ? { certificationId: input.certificationId } : {}),
      ...(input.startDate ? { startDate: toDbDate(input.startDate) } : {}),
      ...(input.referentCoordinatorId !== undefined ? { referentCoordinatorId: input.referentCoordinatorId } : {}),
    });
    await this.audit.record({ action: 'cohort.update', entity: 'Cohort', entityId: id, before: toView(before), after: toView(after) });
    return toView(after);
  }

  async delete(id: string): Promise<void> {
    const cohort = await this.find(id);
    if (cohort._count.pathways > 0) throw new AppError(409, ErrorCode.InUse, 'Cette promotion contient des parcours : retirez-les avant de la supprimer.');
    await this.cohorts.delete(this.context.tenantId, id);
    await this.audit.record({ action: 'cohort.delete', entity: 'Cohort', entityId: id });
  }

  async list(query: ListCohortsInput): Promise<Page<CohortView>> {
    const { items, total } = await this.cohorts.list(this.context.tenantId, query);
    return { items: items.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  private async find(id: string): Promise<CohortWithCount> {
    const cohort = await this.cohorts.findById(this.context.tenantId, id);
    if (!cohort) throw notFound('Cette promotion');
    return cohort;
  }

  private async checkReferences(input: UpdateCohortInput): Promise<void> {
    const tenantId = this.context.tenantId;
    const errors: { path: string; message: string }[] = [];
    if (input.startDate && !isValidLocalDate(input.startDate)) errors.push({ path: 'startDate', message: 'Date impossible.' });
    if (input.certificationId && !(await this.certifications.findById(tenantId, input.certificationId))) {
      errors.push({ path: 'certificationId', message: 'Certification introuvable dans votre catalogue.' });
    }
    const referent = input.referentCoordinatorId ? await this.memberships.referentError(tenantId, input.referentCoordinatorId) : null;
    if (referent) errors.push(referent);
    if (errors.length) throw validationFailed(errors);
  }
}

function toView(c: CohortWithCount): CohortView {
  return {
    id: c.id,
    name: c.name,
    certificationId: c.certificationId,
    startDate: fromDbDate(c.startDate),
    referentCoordinatorId: c.referentCoordinatorId,
    pathwayCount: c._count.pathways,
  };
}
