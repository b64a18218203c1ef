import { Injectable } from '@nestjs/common';
import { ErrorCode, type CertificationView, type CreateCertificationInput, type ListCertificationsInput, type Page, type UpdateCertificationInput } from '@jalon/contracts';
import { RequestContext } from '@jalon/server/context';
import { isUniqueViolation } from '@jalon/server/database';
import { AppError, alreadyExists, notFound } from '@jalon/server/errors';
import { AuditTrail } from '../audit/audit-trail.js';
import { CertificationRepository, type CertificationWithUsage } from './certification.repository.js';

const codeTaken = () => alreadyExists('Une certification de ce type avec ce code existe déjà dans votre catalogue.');
const inUse = () =>
  new AppError(409, ErrorCode.InUse, 'Des parcours suivent cette certification : ses blocs ne peuvent plus être modifiés ni la certification supprimée.');
const structureInUse = () =>
  new AppError(
    409,
    ErrorCode.InUse,
    'Des parcours suivent cette certification : vous pouvez corriger les intitulés, mais plus ajouter, retirer ni changer le code d’un bloc ou d’une compétence.',
  );

@Injectable()
export class CertificationsService {
  constructor(
    private readonly context: RequestContext,
    private readonly certifications: CertificationRepository,
    private readonly audit: AuditTrail,
  ) {}

  async create(input: CreateCertificationInput): Promise<CertificationView> {
    const created = await this.certifications.create(this.context.tenantId, input).catch((error: unknown) => {
      throw isUniqueViolation(error) ? codeTaken() : error;
    });
    await this.audit.record({ action: 'certification.create', entity: 'Certification', entityId: created.id, after: { kind: created.kind, code: created.code } });
    return toView(created);
  }

  async get(id: string): Promise<CertificationView> {
    return toView(await this.find(id));
  }

  async update(id: string, input: UpdateCertificationInput): Promise<CertificationView> {
    const before = await this.find(id);
    const { blocs, ...fields } = input;
    const retitleOnly = blocs !== undefined && sameStructure(before, blocs);
    if (blocs && !retitleOnly && before._count.pathways > 0) throw structureInUse();
    const tenantId = this.context.tenantId;
    await this.certifications.updateFields(tenantId, id, fields).catch((error: unknown) => {
      throw isUniqueViolation(error) ? codeTaken() : error;
    });
    if (blocs) await (retitleOnly ? this.certifications.retitleBlocs(tenantId, id, blocs) : this.certifications.replaceBlocs(tenantId, id, blocs));
    const after = await this.find(id);
    await this.audit.record({ action: 'certification.update', entity: 'Certification', entityId: id, before: toView(before), after: toView(after) });
    return toView(after);
  }

  async delete(id: string): Promise<void> {
    if ((await this.find(id))._count.pathways > 0) throw inUse();
    await this.certifications.delete(this.context.tenantId, id);
    await this.audit.record({ action: 'certification.delete', entity: 'Certification', entityId: id });
  }

  async list(query: ListCertificationsInput): Promise<Page<CertificationView>> {
    const { items, total } = await this.certifications.list(this.context.tenantId, { search: query.q, kind: query.kind, page: query.page, pageSize: query.pageSize });
    return { items: items.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  private async find(id: string): Promise<CertificationWithUsage> {
    const certification = await this.certifications.findWithUsage(this.context.tenantId, id);
    if (!certification) throw notFound('Cette certification');
    return certification;
  }
}

export function toView(c: CertificationWithUsage): CertificationView {
  return {
    id: c.id,
    kind: c.kind,
    code: c.code,
    title: c.title,
    level: c.level,
    certifier: c.certifier,
    admissibilityValidityMonths: c.admissibilityValidityMonths,
    pathwayCount: c._count.pathways,
    blocs: c.blocs.map((b) => ({ id: b.id, code: b.code, title: b.title, competencies: b.competencies.map((k) => ({ id: k.id, code: k.code, title: k.title })) })),
  };
}

/** The same blocs, each with the same competencies, by code (titles and order aside). */
function sameStructure(current: CertificationWithUsage, blocs: NonNullable<UpdateCertificationInput['blocs']>): boolean {
  const shape = (items: { code: string; competencies: { code: string }[] }[]) =>
    items
      .map((b) => `${b.code}:${b.competencies.map((c) => c.code).sort().join(',')}`)
      .sort()
      .join('|');
  return shape(current.blocs) === shape(blocs);
}
