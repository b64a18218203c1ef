import { Injectable } from '@nestjs/common';
import { Database, pageWithTotal, type Pathway, type PathwayState, type Prisma } from '@jalon/server/database';

/** Everything the pathway page shows, in one query. */
export const pathwayDetail = {
  candidate: { select: { id: true, firstName: true, lastName: true, birthDate: true, qualificationLevel: true, publicCategory: true } },
  certification: { select: { id: true, code: true, title: true, admissibilityValidityMonths: true, blocs: { select: { code: true }, orderBy: { position: 'asc' } } } },
  contracts: { orderBy: { startDate: 'asc' } },
  placements: { orderBy: { startDate: 'asc' }, include: { employer: { select: { id: true, name: true } } } },
  admissibilities: { orderBy: { attempt: 'asc' } },
  validationDossiers: { orderBy: { attempt: 'asc' } },
  jurySessions: { orderBy: { attempt: 'asc' }, include: { blocResults: { orderBy: { blocCode: 'asc' } } } },
  documents: { where: { deletedAt: null }, select: { kind: true } },
} satisfies Prisma.PathwayInclude;

export type PathwayDetail = Prisma.PathwayGetPayload<{ include: typeof pathwayDetail }>;

const summary = {
  candidate: { select: { id: true, firstName: true, lastName: true } },
  certification: { select: { id: true, code: true, title: true } },
} satisfies Prisma.PathwayInclude;

export type PathwaySummaryRow = Prisma.PathwayGetPayload<{ include: typeof summary }>;

export interface PathwayFilter {
  states?: PathwayState[];
  cohortId?: string;
  coordinatorId?: string;
  employerId?: string;
  tutorMembershipId?: string;
  candidateId?: string;
  activity?: 'ACTIVE' | 'INACTIVE';
  candidateSearch?: string;
}

@Injectable()
export class PathwayRepository {
  constructor(private readonly db: Database) {}

  create(tenantId: string, data: Omit<Prisma.PathwayUncheckedCreateInput, 'tenantId'>): Promise<Pathway> {
    return this.db.client.pathway.create({ data: { ...data, tenantId } });
  }

  /** `scope` is the caller's visibility (PathwayAccess). */
  findDetail(tenantId: string, id: string, scope: Prisma.PathwayWhereInput): Promise<PathwayDetail | null> {
    return this.db.client.pathway.findFirst({ where: { AND: [{ tenantId, id }, scope] }, include: pathwayDetail });
  }

  /** Records activity on the pathway (a progress entry, a comment…) without changing its version. */
  async touch(tenantId: string, id: string): Promise<void> {
    await this.db.client.pathway.updateMany({ where: { tenantId, id }, data: { lastActivityAt: new Date() } });
  }

  /** Whether the pathway exists and is within the caller's scope. */
  async isVisible(tenantId: string, id: string, scope: Prisma.PathwayWhereInput): Promise<boolean> {
    return (await this.db.client.pathway.count({ where: { AND: [{ tenantId, id }, scope] } })) === 1;
  }

  /** Locks the pathway row until the transaction ends: concurrent changes wait, then see the new version. */
  async lock(tenantId: string, id: string): Promise<void> {
    await this.db.client.$queryRaw`SELECT id FROM pathways WHERE tenant_id = ${tenantId}::uuid AND id = ${id}::uuid FOR UPDATE`;
  }

  /** Applies `data` and bumps the version if it is still `expectedVersion`; false otherwise. */
  async updateVersioned(tenantId: string, id: string, expectedVersion: number, data: Prisma.PathwayUncheckedUpdateManyInput): Promise<boolean> {
    const { count } = await this.db.client.pathway.updateMany({
      where: { tenantId, id, version: expectedVersion },
      data: { ...data, version: { increment: 1 }, lastActivityAt: new Date() },
    });
    return count === 1;
  }

  async list(
    tenantId: string,
    scope: Prisma.PathwayWhereInput,
    filter: PathwayFilter,
    page: { orderBy: Prisma.PathwayOrderByWithRelationInput[]; page: number; pageSize: number },
  ): Promise<{ items: PathwaySummaryRow[]; total: number }> {
    const where: Prisma.PathwayWhereInput = { AND: [{ tenantId, ...toWhere(filter) }, scope] };
    return pageWithTotal(
      // One query for the page, then one per relation for its rows: joined relations would be built for every matching row before the sort.
      () =>
        this.db.client.pathway.findMany({
          where,
          include: summary,
          orderBy: [...page.orderBy, { id: 'asc' }],
          skip: (page.page - 1) * page.pageSize,
          take: page.pageSize,
          relationLoadStrategy: 'query',
        }),
      () => this.db.client.pathway.count({ where }),
    );
  }

  /** The pathways of a scope with their current placement's company (home pages), at most `limit`. */
  listWithCurrentEmployer(tenantId: string, scope: Prisma.PathwayWhereInput, today: Date, limit: number) {
    return this.db.client.pathway.findMany({
      where: { AND: [{ tenantId, state: { notIn: ['CLOSED', 'WITHDRAWN'] } }, scope] },
      include: {
        ...summary,
        placements: {
          where: { startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] },
          select: { employer: { select: { id: true, name: true } } },
          orderBy: [{ startDate: 'desc' }, { id: 'desc' }],
          take: 1,
        },
      },
      orderBy: [{ candidate: { lastName: 'asc' } }, { id: 'asc' }],
      take: limit,
      relationLoadStrategy: 'query',
    });
  }

  /** Recevabilité requests of a candidate submitted in a calendar year, across their pathways (quota). */
  admissibilityRequestsInYear(tenantId: string, candidateId: string, year: number): Promise<{ blocsOnly: boolean; pathway: { certificationId: string } }[]> {
    return this.db.client.admissibility.findMany({
      where: {
        tenantId,
        submittedOn: { gte: new Date(`${year}-01-01T00:00:00Z`), lt: new Date(`${year + 1}-01-01T00:00:00Z`) },
        pathway: { candidateId },
      },
      select: { blocsOnly: true, pathway: { select: { certificationId: true } } },
    });
  }

  history(tenantId: string, pathwayId: string): Promise<Prisma.StatusHistoryGetPayload<object>[]> {
    return this.db.client.statusHistory.findMany({ where: { tenantId, pathwayId }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });
  }

  async appendHistory(tenantId: string, row: { pathwayId: string; fromState: PathwayState | null; toState: PathwayState; action: string; payload: Prisma.InputJsonValue; actorId: string | null }): Promise<void> {
    await this.db.client.statusHistory.create({ data: { ...row, tenantId } });
  }
}

function toWhere(filter: PathwayFilter): Prisma.PathwayWhereInput {
  const placement: Prisma.PlacementWhereInput = {
    ...(filter.employerId ? { employerId: filter.employerId } : {}),
    ...(filter.tutorMembershipId ? { tutorMembershipId: filter.tutorMembershipId } : {}),
  };
  return {
    ...(filter.states?.length ? { state: { in: filter.states } } : {}),
    ...(filter.cohortId ? { cohortId: filter.cohortId } : {}),
    ...(filter.candidateId ? { candidateId: filter.candidateId } : {}),
    ...(filter.coordinatorId ? { referentCoordinatorId: filter.coordinatorId } : {}),
    ...(filter.activity ? { activity: filter.activity } : {}),
    ...(filter.candidateSearch ? { candidate: { searchName: { contains: filter.candidateSearch } } } : {}),
    ...(Object.keys(placement).length ? { placements: { some: placement } } : {}),
  };
}
