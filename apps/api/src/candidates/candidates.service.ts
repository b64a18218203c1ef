import { Injectable } from '@nestjs/common';
import { isValidLocalDate, ageOn, parisDate } from '@jalon/domain';
import { ErrorCode, normaliseForSearch, type CandidateView, type CreateCandidateInput, type ListCandidatesInput, type Page, type UpdateCandidateInput } from '@jalon/contracts';
import { RequestContext } from '@jalon/server/context';
import { fromDbDate, toDbDate, type Candidate } from '@jalon/server/database';
import { AppError, notFound, validationFailed } from '@jalon/server/errors';
import { AuditTrail } from '../audit/audit-trail.js';
import { sortOrder } from '../http/sorting.js';
import { CandidateRepository, type CandidateData } from './candidate.repository.js';

@Injectable()
export class CandidatesService {
  constructor(
    private readonly context: RequestContext,
    private readonly candidates: CandidateRepository,
    private readonly audit: AuditTrail,
  ) {}

  async create(input: CreateCandidateInput): Promise<CandidateView> {
    checkBirthDate(input.birthDate);
    const candidate = await this.candidates.create(this.context.tenantId, toData(input) as CandidateData);
    await this.audit.record({ action: 'candidate.create', entity: 'Candidate', entityId: candidate.id });
    return toView(candidate);
  }

  async get(id: string): Promise<CandidateView> {
    return toView(await this.find(id));
  }

  async update(id: string, input: UpdateCandidateInput): Promise<CandidateView> {
    const before = await this.find(id);
    if (input.birthDate) checkBirthDate(input.birthDate);
    const names = { firstName: input.firstName ?? before.firstName, lastName: input.lastName ?? before.lastName };
    const after = await this.candidates.update(this.context.tenantId, id, { ...toData(input), searchName: searchNameOf(names) });
    // Personal fields stay out of the audit trail: which fields changed is enough.
    await this.audit.record({ action: 'candidate.update', entity: 'Candidate', entityId: id, after: { changed: Object.keys(input) } });
    return toView(after);
  }

  async delete(id: string): Promise<void> {
    await this.find(id);
    if (await this.candidates.hasPathways(this.context.tenantId, id)) {
      throw new AppError(409, ErrorCode.InUse, 'Cette personne a un parcours : elle ne peut pas être supprimée.');
    }
    await this.candidates.delete(this.context.tenantId, id);
    await this.audit.record({ action: 'candidate.delete', entity: 'Candidate', entityId: id });
  }

  async list(query: ListCandidatesInput): Promise<Page<CandidateView>> {
    const { items, total } = await this.candidates.list(this.context.tenantId, {
      search: query.q ? normaliseForSearch(query.q) : undefined,
      orderBy: sortOrder(query.sort),
      page: query.page,
      pageSize: query.pageSize,
    });
    return { items: items.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  private async find(id: string): Promise<Candidate> {
    const candidate = await this.candidates.findById(this.context.tenantId, id);
    if (!candidate) throw notFound('Cette personne');
    return candidate;
  }
}

function checkBirthDate(birthDate: string): void {
  const age = isValidLocalDate(birthDate) ? ageOn(birthDate, parisDate(new Date())) : -1;
  if (age < 0 || age > 100) throw validationFailed([{ path: 'birthDate', message: 'Date de naissance impossible.' }]);
}

const searchNameOf = (c: { firstName: string; lastName: string }) => normaliseForSearch(`${c.firstName} ${c.lastName}`);

function toData(input: UpdateCandidateInput): Partial<CandidateData> {
  const { birthDate, ...rest } = input;
  return {
    ...rest,
    ...(birthDate ? { birthDate: toDbDate(birthDate) } : {}),
    ...(input.firstName && input.lastName ? { searchName: searchNameOf({ firstName: input.firstName, lastName: input.lastName }) } : {}),
  };
}

export function toView(c: Candidate): CandidateView {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    birthDate: fromDbDate(c.birthDate),
    email: c.email,
    phone: c.phone,
    qualificationLevel: c.qualificationLevel,
    highestQualification: c.highestQualification,
    publicCategory: c.publicCategory,
    prescriber: c.prescriber,
    createdAt: c.createdAt.toISOString(),
  };
}
