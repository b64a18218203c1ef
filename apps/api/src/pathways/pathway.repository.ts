import { Injectable } from '@nestjs/common';
import type { ListPathwaysInput, Page, PathwaySummary } from '@jalon/contracts';
import { parisDate, yearOf } from '@jalon/domain';
import { Database, Prisma, toDbDate, type Pathway, type PathwayState } from '@jalon/server/database';
import { pathwaysMatching } from '@jalon/server/deadlines';
import { JsonText } from '../http/json-text.js';
import { pathwayDetailStatement, toPathwayDetail, yearDays, type PathwayDetail, type PathwayDetailRow } from './pathway-detail.js';

export type { PathwayDetail } from './pathway-detail.js';

/** Dates (stored as days) within a calendar year. */
const inYear = (year: number) => ({ gte: toDbDate(yearDays(year).from), lt: toDbDate(yearDays(year).until) });

const summary = {
  candidate: { select: { id: true, firstName: true, lastName: true } },
  certification: { select: { id: true, code: true, title: true } },
} satisfies Prisma.PathwayInclude;

/** What a line of the list shows. */
export type PathwaySummaryRow = Pick<Pathway, 'id' | 'state' | 'version' | 'activity' | 'cohortId' | 'referentCoordinatorId' | 'updatedAt'> & Prisma.PathwayGetPayload<{ select: typeof summary }>;

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

/**
 * Which pathways the caller sees (DESIGN.md §6), as PathwayAccess works it
 * out: the whole tenant (staff), those with a placement current on `today`
 * (a Paris day) whose company tutor or company is the caller's, the
 * candidate's own, or none. Queries built by Prisma read it through
 * `scopeWhere`, plain SQL through `scopeSql`: the two say the same.
 */
export type PathwayScope =
  | { kind: 'tenant' }
  | { kind: 'tutor'; membershipId: string; today: string }
  | { kind: 'employer'; employerId: string; today: string }
  | { kind: 'candidate'; candidateId: string }
  | { kind: 'none' };

/** The list's orders, on the pathway (alias `p`) and its candidate (`c`); the id breaks ties. */
const LIST_ORDER: Record<ListPathwaysInput['sort'], Prisma.Sql> = {
  updatedAt: Prisma.sql`p.updated_at ASC, p.id ASC`,
  '-updatedAt': Prisma.sql`p.updated_at DESC, p.id ASC`,
  createdAt: Prisma.sql`p.created_at ASC, p.id ASC`,
  '-createdAt': Prisma.sql`p.created_at DESC, p.id ASC`,
  state: Prisma.sql`p.state ASC, p.id ASC`,
  '-state': Prisma.sql`p.state DESC, p.id ASC`,
  candidate: Prisma.sql`c.last_name ASC, c.first_name ASC, p.id ASC`,
  '-candidate': Prisma.sql`c.last_name DESC, c.first_name DESC, p.id ASC`,
};

@Injectable()
export class PathwayRepository {
  constructor(private readonly db: Database) {}

  create(tenantId: string, data: Omit<Prisma.PathwayUncheckedCreateInput, 'tenantId'>): Promise<Pathway> {
    return this.db.client.pathway.create({ data: { ...data, tenantId } });
  }

  /**
   * The pathway with everything its page and its rules need (PathwayDetail),
   * if it is within `scope`: one statement building its parts as JSON, in
   * the request's unit of work or in a plain transaction of its own.
   */
  async findDetail(tenantId: string, id: string, scope: PathwayScope): Promise<PathwayDetail | null> {
    const requestsYear = yearOf(parisDate(new Date()));
    const [row] = await this.db.sqlStatement<PathwayDetailRow>(tenantId, pathwayDetailStatement(tenantId, id, scopeSql(scope), requestsYear));
    return row ? toPathwayDetail(row, requestsYear) : null;
  }

  /** Records activity on the pathway (a progress entry, a comment…) without changing its version. */
  async touch(tenantId: string, id: string): Promise<void> {
    await this.db.client.pathway.updateMany({ where: { tenantId, id }, data: { lastActivityAt: new Date() } });
  }

  /** Whether the pathway exists and is within the caller's scope. */
  async isVisible(tenantId: string, id: string, scope: PathwayScope): Promise<boolean> {
    return (await this.db.client.pathway.count({ where: { AND: [{ tenantId, id }, scopeWhere(scope)] } })) === 1;
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

  /**
   * A page of the list, written by its statement as the answer's JSON
   * (`Page<PathwaySummary>`), sent as it is: nothing is parsed nor mapped
   * in the API. The page is read first (its order is served by an index for
   * the default sort), then its candidates and certifications for those rows
   * only; past the last page, no item. `total` when the caller knows it,
   * otherwise counted here. Read in a plain transaction of its own
   * (Database.sqlStatement), outside any unit of work, as the timeline is:
   * the route is the most read of all.
   */
  async list(
    tenantId: string,
    scope: PathwayScope,
    filter: PathwayFilter,
    page: { sort: ListPathwaysInput['sort']; page: number; pageSize: number; total?: number },
  ): Promise<JsonText<Page<PathwaySummary>>> {
    const where = Prisma.join([pathwaysMatching(tenantId, filter), ...filterSql(tenantId, filter), scopeSql(scope)], ' AND ');
    const order = LIST_ORDER[page.sort];
    const byCandidate = page.sort.endsWith('candidate') ? Prisma.sql`JOIN candidates c ON c.id = p.candidate_id` : Prisma.empty;
    const counted = page.total === undefined ? Prisma.sql`SELECT count(*)::int AS total FROM pathways p WHERE ${where}` : Prisma.sql`SELECT ${page.total}::int AS total`;
    // Each line is a PathwaySummary, as toSummary gives it for the pathway's page (a test compares the two).
    const statement = Prisma.sql`
      SELECT json_build_object(
               'items', coalesce(json_agg(json_build_object(
                 'id', p.id, 'state', p.state, 'version', p.version, 'activity', p.activity,
                 'candidate', json_build_object('id', c.id, 'firstName', c.first_name, 'lastName', c.last_name),
                 'certification', json_build_object('id', k.id, 'code', k.code, 'title', k.title),
                 'cohortId', p.cohort_id, 'referentCoordinatorId', p.referent_coordinator_id,
                 'updatedAt', to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
               ) ORDER BY ${order}) FILTER (WHERE p.id IS NOT NULL), '[]'),
               'total', counted.total, 'page', ${page.page}::int, 'pageSize', ${page.pageSize}::int
             )::text AS page
      FROM (${counted}) counted
      LEFT JOIN (
        SELECT p.id, p.state, p.version, p.activity, p.cohort_id, p.referent_coordinator_id, p.candidate_id, p.certification_id, p.created_at, p.updated_at
        FROM pathways p ${byCandidate}
        WHERE ${where}
        ORDER BY ${order}
        LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}
      ) p ON true
      LEFT JOIN candidates c ON c.id = p.candidate_id
      LEFT JOIN certifications k ON k.id = p.certification_id
      GROUP BY counted.total`;
    const [row] = await this.db.sqlStatement<{ page: string }>(tenantId, statement);
    return new JsonText(row!.page);
  }

  /** The pathways of a scope with their current placement's company (home pages), at most `limit`. */
  listWithCurrentEmployer(tenantId: string, scope: PathwayScope, today: string, limit: number) {
    return this.db.client.pathway.findMany({
      where: { AND: [{ tenantId, state: { notIn: ['CLOSED', 'WITHDRAWN'] } }, scopeWhere(scope)] },
      include: {
        ...summary,
        placements: {
          where: currentOn(today),
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

  /** The candidate's recevabilité requests of `year`, on all their pathways (the detail carries the current year's). */
  async admissibilityRequestsInYear(tenantId: string, candidateId: string, year: number): Promise<{ certificationId: string; blocsOnly: boolean }[]> {
    const rows = await this.db.client.admissibility.findMany({
      where: { tenantId, submittedOn: inYear(year), pathway: { candidateId } },
      select: { blocsOnly: true, pathway: { select: { certificationId: true } } },
    });
    return rows.map((r) => ({ certificationId: r.pathway.certificationId, blocsOnly: r.blocsOnly }));
  }

  history(tenantId: string, pathwayId: string): Promise<Prisma.StatusHistoryGetPayload<object>[]> {
    return this.db.client.statusHistory.findMany({ where: { tenantId, pathwayId }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });
  }

  async appendHistory(tenantId: string, row: { pathwayId: string; fromState: PathwayState | null; toState: PathwayState; action: string; payload: Prisma.InputJsonValue; actorId: string | null }): Promise<void> {
    await this.db.client.statusHistory.create({ data: { ...row, tenantId } });
  }
}

/** A placement is current on a Paris day when it has started and not ended. */
export function currentOn(day: string): Prisma.PlacementWhereInput {
  const on = toDbDate(day);
  return { startDate: { lte: on }, OR: [{ endDate: null }, { endDate: { gte: on } }] };
}

function scopeWhere(scope: PathwayScope): Prisma.PathwayWhereInput {
  switch (scope.kind) {
    case 'tenant':
      return {};
    case 'tutor':
      return { placements: { some: { tutorMembershipId: scope.membershipId, ...currentOn(scope.today) } } };
    case 'employer':
      return { placements: { some: { employerId: scope.employerId, ...currentOn(scope.today) } } };
    case 'candidate':
      return { candidateId: scope.candidateId };
    case 'none':
      return { id: { in: [] } };
  }
}

/** `scopeWhere` for plain SQL on pathways (alias `p`). */
export function scopeSql(scope: PathwayScope): Prisma.Sql {
  switch (scope.kind) {
    case 'tenant':
      return Prisma.sql`TRUE`;
    case 'tutor':
      return withCurrentPlacement(Prisma.sql`pl.tutor_membership_id = ${scope.membershipId}::uuid`, scope.today);
    case 'employer':
      return withCurrentPlacement(Prisma.sql`pl.employer_id = ${scope.employerId}::uuid`, scope.today);
    case 'candidate':
      return Prisma.sql`p.candidate_id = ${scope.candidateId}::uuid`;
    case 'none':
      return Prisma.sql`FALSE`;
  }
}

function withCurrentPlacement(placement: Prisma.Sql, day: string): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM placements pl
    WHERE pl.tenant_id = p.tenant_id AND pl.pathway_id = p.id AND ${placement}
      AND pl.start_date <= ${day}::date AND (pl.end_date IS NULL OR pl.end_date >= ${day}::date))`;
}

/** The list's filters besides cohort and coordinator (pathwaysMatching), only those given. */
function filterSql(tenantId: string, filter: PathwayFilter): Prisma.Sql[] {
  const placement = [
    ...(filter.employerId ? [Prisma.sql`pl.employer_id = ${filter.employerId}::uuid`] : []),
    ...(filter.tutorMembershipId ? [Prisma.sql`pl.tutor_membership_id = ${filter.tutorMembershipId}::uuid`] : []),
  ];
  return [
    // On the text copy of the state, which row-level security lets an index serve (a single state: an index range in list order).
    ...(filter.states?.length === 1 ? [Prisma.sql`p.state_text = ${filter.states[0]}`] : []),
    ...(filter.states && filter.states.length > 1 ? [Prisma.sql`p.state_text = ANY (${filter.states}::text[])`] : []),
    ...(filter.activity ? [Prisma.sql`p.activity = ${filter.activity}::"Activity"`] : []),
    ...(filter.candidateId ? [Prisma.sql`p.candidate_id = ${filter.candidateId}::uuid`] : []),
    // `%` and `_` typed in the search stay wildcards, as with Prisma's `contains`.
    ...(filter.candidateSearch
      ? [Prisma.sql`p.candidate_id IN (SELECT s.id FROM candidates s WHERE s.tenant_id = ${tenantId}::uuid AND s.search_name LIKE '%' || ${filter.candidateSearch} || '%')`]
      : []),
    ...(placement.length ? [Prisma.sql`EXISTS (SELECT 1 FROM placements pl WHERE pl.tenant_id = p.tenant_id AND pl.pathway_id = p.id AND ${Prisma.join(placement, ' AND ')})`] : []),
  ];
}
