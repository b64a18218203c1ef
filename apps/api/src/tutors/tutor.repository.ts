import { Injectable } from '@nestjs/common';
import { Database, pageWithTotal } from '@jalon/server/database';
import { currentOn } from '../pathways/pathway.repository.js';

export interface TutorRow {
  id: string;
  employerId: string | null;
  user: { firstName: string; lastName: string; email: string };
}

/** Company tutors: active TUTOR memberships of the tenant, with what a coordinator needs to choose one. */
@Injectable()
export class TutorRepository {
  constructor(private readonly db: Database) {}

  list(tenantId: string, query: { employerId?: string; page: number; pageSize: number }): Promise<{ items: TutorRow[]; total: number }> {
    const where = { tenantId, role: 'TUTOR' as const, disabledAt: null, user: { disabledAt: null }, ...(query.employerId ? { employerId: query.employerId } : {}) };
    return pageWithTotal(
      () =>
        this.db.client.membership.findMany({
          where,
          select: { id: true, employerId: true, user: { select: { firstName: true, lastName: true, email: true } } },
          orderBy: [{ user: { lastName: 'asc' } }, { user: { firstName: 'asc' } }, { id: 'asc' }],
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
        }),
      () => this.db.client.membership.count({ where }),
    );
  }

  /** Names of member companies, by id (archived ones too: a tutor may still belong to one). */
  async employerNames(tenantId: string, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.db.client.employer.findMany({ where: { tenantId, id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Alternants each tutor follows on `on` (a Paris day): current placements of open pathways (the load the capacity rule counts). */
  async currentAlternants(tenantId: string, tutorMembershipIds: string[], on: string): Promise<Map<string, number>> {
    if (!tutorMembershipIds.length) return new Map();
    const rows = await this.db.client.placement.groupBy({
      by: ['tutorMembershipId'],
      where: { tenantId, tutorMembershipId: { in: tutorMembershipIds }, ...currentOn(on), pathway: { state: { notIn: ['CLOSED', 'WITHDRAWN'] } } },
      _count: { _all: true },
    });
    return new Map(rows.map((r) => [r.tutorMembershipId, r._count._all]));
  }
}
