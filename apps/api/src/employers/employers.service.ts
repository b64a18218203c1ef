import { Injectable } from '@nestjs/common';
import { isValidSiret } from '@jalon/domain';
import { normaliseForSearch, type CreateEmployerInput, type EmployerView, type ListEmployersInput, type Page, type UpdateEmployerInput } from '@jalon/contracts';
import { RequestContext } from '@jalon/server/context';
import { isUniqueViolation, type Employer } from '@jalon/server/database';
import { alreadyExists, notFound, validationFailed } from '@jalon/server/errors';
import { AuditTrail } from '../audit/audit-trail.js';
import { sortOrder } from '../http/sorting.js';
import { EmployerRepository } from './employer.repository.js';

const invalidSiret = () => validationFailed([{ path: 'siret', message: 'Ce SIRET n’est pas valide (clé de contrôle incorrecte).' }]);
const siretTaken = () => alreadyExists('Une entreprise adhérente avec ce SIRET existe déjà.');

@Injectable()
export class EmployersService {
  constructor(
    private readonly context: RequestContext,
    private readonly employers: EmployerRepository,
    private readonly audit: AuditTrail,
  ) {}

  async create(input: CreateEmployerInput): Promise<EmployerView> {
    if (!isValidSiret(input.siret)) throw invalidSiret();
    const employer = await this.employers
      .create(this.context.tenantId, { ...input, searchName: normaliseForSearch(input.name) })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? siretTaken() : error;
      });
    await this.audit.record({ action: 'employer.create', entity: 'Employer', entityId: employer.id, after: toView(employer) });
    return toView(employer);
  }

  async get(id: string): Promise<EmployerView> {
    return toView(await this.find(id));
  }

  async update(id: string, input: UpdateEmployerInput): Promise<EmployerView> {
    const before = await this.find(id);
    if (input.siret && !isValidSiret(input.siret)) throw invalidSiret();
    const after = await this.employers
      .update(this.context.tenantId, id, { ...input, ...(input.name ? { searchName: normaliseForSearch(input.name) } : {}) })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? siretTaken() : error;
      });
    await this.audit.record({ action: 'employer.update', entity: 'Employer', entityId: id, before: toView(before), after: toView(after) });
    return toView(after);
  }

  /** Archived, not deleted: placements keep pointing at it. */
  async archive(id: string): Promise<void> {
    await this.find(id);
    await this.employers.archive(this.context.tenantId, id);
    await this.audit.record({ action: 'employer.archive', entity: 'Employer', entityId: id });
  }

  async list(query: ListEmployersInput): Promise<Page<EmployerView>> {
    const { items, total } = await this.employers.list(this.context.tenantId, {
      search: query.q ? normaliseForSearch(query.q) : undefined,
      orderBy: sortOrder(query.sort),
      page: query.page,
      pageSize: query.pageSize,
    });
    return { items: items.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  private async find(id: string): Promise<Employer> {
    const employer = await this.employers.findById(this.context.tenantId, id);
    if (!employer) throw notFound('Cette entreprise');
    return employer;
  }
}

function toView(e: Employer): EmployerView {
  return {
    id: e.id,
    name: e.name,
    siret: e.siret,
    nafCode: e.nafCode ?? undefined,
    idcc: e.idcc ?? undefined,
    opco: e.opco ?? undefined,
    addressLine: e.addressLine ?? undefined,
    postalCode: e.postalCode ?? undefined,
    city: e.city ?? undefined,
    contacts: e.contacts as EmployerView['contacts'],
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
