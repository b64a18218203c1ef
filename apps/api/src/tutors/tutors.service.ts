import { Injectable } from '@nestjs/common';
import { parisDate } from '@jalon/domain';
import type { ListTutorsInput, Page, TutorView } from '@jalon/contracts';
import { RequestContext } from '@jalon/server/context';
import { TutorRepository } from './tutor.repository.js';

@Injectable()
export class TutorsService {
  constructor(
    private readonly context: RequestContext,
    private readonly tutors: TutorRepository,
  ) {}

  async list(query: ListTutorsInput): Promise<Page<TutorView>> {
    const tenantId = this.context.tenantId;
    const { items, total } = await this.tutors.list(tenantId, query);
    const employers = await this.tutors.employerNames(tenantId, items.flatMap((t) => (t.employerId ? [t.employerId] : [])));
    const load = await this.tutors.currentAlternants(tenantId, items.map((t) => t.id), parisDate(new Date()));
    return {
      items: items.map((t) => ({
        membershipId: t.id,
        firstName: t.user.firstName,
        lastName: t.user.lastName,
        email: t.user.email,
        employer: t.employerId ? { id: t.employerId, name: employers.get(t.employerId) ?? '' } : null,
        currentAlternants: load.get(t.id) ?? 0,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
