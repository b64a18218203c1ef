import { Injectable } from '@nestjs/common';
import { validationFailed } from '@jalon/server/errors';
import { CandidateRepository } from '../candidates/candidate.repository.js';
import { EmployerRepository } from '../employers/employer.repository.js';

/**
 * The records a membership (or an invitation) links to: the member company of
 * an employer contact or a company tutor, the candidate record of an alternant.
 */
@Injectable()
export class MemberLinks {
  constructor(
    private readonly employers: EmployerRepository,
    private readonly candidates: CandidateRepository,
  ) {}

  /** Both must exist in the tenant; VALIDATION_FAILED on the field otherwise. */
  async check(tenantId: string, links: { employerId?: string | null; candidateId?: string | null }): Promise<void> {
    const errors: { path: string; message: string }[] = [];
    if (links.employerId && !(await this.employers.findById(tenantId, links.employerId))) errors.push({ path: 'employerId', message: 'Entreprise adhérente introuvable.' });
    if (links.candidateId && !(await this.candidates.findById(tenantId, links.candidateId))) errors.push({ path: 'candidateId', message: 'Alternant·e introuvable.' });
    if (errors.length) throw validationFailed(errors);
  }

  /** The names of the linked records, in two queries for a whole page of members. */
  async namesOf(tenantId: string, members: { employerId: string | null; candidateId: string | null }[]) {
    const [employers, candidates] = [
      await this.employers.namesOf(tenantId, members.flatMap((m) => (m.employerId ? [m.employerId] : []))),
      await this.candidates.namesOf(tenantId, members.flatMap((m) => (m.candidateId ? [m.candidateId] : []))),
    ];
    return { employers, candidates };
  }
}
