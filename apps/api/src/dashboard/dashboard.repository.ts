import { Injectable } from '@nestjs/common';
import { Database, Prisma, toDbDate } from '@jalon/server/database';

interface Person {
  first_name: string;
  last_name: string;
}

/** Every list query also returns how many rows it had before its LIMIT. */
interface Counted {
  total: number;
}

/**
 * The coordinator dashboard's figures, each computed by Postgres over the
 * tenant's pathways (filtered by cohort and referent coordinator), never by
 * loading rows into the API. Coverage and tutor silence read columns the
 * database keeps (pathways.acquired_share, placements.tutor_last_entry_on);
 * lists stop at `limit`, the most urgent first. Dates are Paris days passed in.
 */
@Injectable()
export class DashboardRepository {
  constructor(private readonly db: Database) {}

  countsByState(tenantId: string, where: Prisma.Sql): Promise<{ state: string; count: number }[]> {
    return this.db.client.$queryRaw`
      SELECT p.state::text AS state, count(*)::int AS count FROM pathways p
      WHERE ${where} GROUP BY p.state`;
  }

  juries(tenantId: string, where: Prisma.Sql, from: string, to: string, limit: number): Promise<(Person & Counted & { pathway_id: string; date: Date; place: string | null })[]> {
    return this.db.client.$queryRaw`
      SELECT p.id AS pathway_id, c.first_name, c.last_name, j.date, j.place, count(*) OVER ()::int AS total
      FROM jury_sessions j JOIN pathways p ON p.id = j.pathway_id JOIN candidates c ON c.id = p.candidate_id
      WHERE ${where} AND j.tenant_id = ${tenantId}::uuid AND j.is_active AND j.result IS NULL
        AND j.date BETWEEN ${toDbDate(from)} AND ${toDbDate(to)}
      ORDER BY j.date, p.id
      LIMIT ${limit}`;
  }

  contractsEnding(tenantId: string, where: Prisma.Sql, from: string, to: string, limit: number): Promise<(Person & Counted & { pathway_id: string; planned_end_date: Date; jury_scheduled: boolean })[]> {
    return this.db.client.$queryRaw`
      SELECT p.id AS pathway_id, c.first_name, c.last_name, k.planned_end_date, count(*) OVER ()::int AS total,
             EXISTS (SELECT 1 FROM jury_sessions j WHERE j.tenant_id = p.tenant_id AND j.pathway_id = p.id AND j.is_active AND j.result IS NULL) AS jury_scheduled
      FROM contracts k JOIN pathways p ON p.id = k.pathway_id JOIN candidates c ON c.id = p.candidate_id
      WHERE ${where} AND ${open()} AND k.tenant_id = ${tenantId}::uuid AND k.actual_end_date IS NULL
        AND k.planned_end_date BETWEEN ${toDbDate(from)} AND ${toDbDate(to)}
      ORDER BY k.planned_end_date, p.id
      LIMIT ${limit}`;
  }

  /** The soonest implicit decision first (then incomplete ones, oldest first); `past_total` counts those whose decision delay has run by `today`. */
  admissibilityPending(
    tenantId: string,
    where: Prisma.Sql,
    decisionMonths: number,
    today: string,
    limit: number,
  ): Promise<(Person & Counted & { pathway_id: string; submitted_on: Date; complete_on: Date | null; implicit_from: Date | null; past_total: number })[]> {
    return this.db.client.$queryRaw`
      SELECT x.*, count(*) OVER ()::int AS total, count(*) FILTER (WHERE x.implicit_from <= ${toDbDate(today)}) OVER ()::int AS past_total FROM (
        SELECT p.id AS pathway_id, c.first_name, c.last_name, a.submitted_on, a.complete_on,
               (a.complete_on + make_interval(months => ${decisionMonths}))::date AS implicit_from
        FROM admissibilities a JOIN pathways p ON p.id = a.pathway_id JOIN candidates c ON c.id = p.candidate_id
        WHERE ${where} AND p.state = 'ADMISSIBILITY_PENDING' AND a.tenant_id = ${tenantId}::uuid AND a.is_active
      ) x
      ORDER BY x.implicit_from NULLS LAST, x.submitted_on, x.pathway_id
      LIMIT ${limit}`;
  }

  /**
   * Company tutors with a current placement whose last own entry on those
   * pathways is older than `before` (or who never wrote). Only tutors with a
   * stale placement (an index range on tutor_last_entry_on) are looked at.
   */
  silentTutors(tenantId: string, where: Prisma.Sql, today: string, before: string, limit: number): Promise<(Person & Counted & { membership_id: string; pathways: number; last_entry: Date | null })[]> {
    const current = (alias: Prisma.Sql) => Prisma.sql`${alias}.start_date <= ${toDbDate(today)} AND (${alias}.end_date IS NULL OR ${alias}.end_date >= ${toDbDate(today)})`;
    return this.db.client.$queryRaw`
      WITH stale AS (
        SELECT DISTINCT s.tutor_membership_id FROM placements s
        WHERE s.tenant_id = ${tenantId}::uuid AND (s.tutor_last_entry_on IS NULL OR s.tutor_last_entry_on < ${toDbDate(before)}) AND ${current(Prisma.sql`s`)}
      )
      SELECT m.id AS membership_id, u.first_name, u.last_name, count(DISTINCT p.id)::int AS pathways,
             max(pl.tutor_last_entry_on) AS last_entry, count(*) OVER ()::int AS total
      FROM stale
      JOIN placements pl ON pl.tenant_id = ${tenantId}::uuid AND pl.tutor_membership_id = stale.tutor_membership_id
      JOIN pathways p ON p.id = pl.pathway_id
      JOIN memberships m ON m.id = pl.tutor_membership_id
      JOIN users u ON u.id = m.user_id
      WHERE ${where} AND ${open()} AND ${current(Prisma.sql`pl`)}
      GROUP BY m.id, u.first_name, u.last_name
      HAVING max(pl.tutor_last_entry_on) IS NULL OR max(pl.tutor_last_entry_on) < ${toDbDate(before)}
      ORDER BY max(pl.tutor_last_entry_on) NULLS FIRST, m.id
      LIMIT ${limit}`;
  }

  /** Open, active pathways by quarter of competencies whose latest level is ACQUIRED (bucket 1 to 4). */
  coverageBuckets(tenantId: string, where: Prisma.Sql): Promise<{ bucket: number; pathways: number }[]> {
    return this.db.client.$queryRaw`
      SELECT least(4, 1 + floor(p.acquired_share * 4))::int AS bucket, count(*)::int AS pathways
      FROM pathways p WHERE ${where} AND ${open()} AND p.activity = 'ACTIVE'
      GROUP BY 1`;
  }

  /** Per pathway, the day of the last progress entry. */
  lastEntries(tenantId: string, where: Prisma.Sql): Promise<{ id: string; last_entry: Date | null }[]> {
    return this.db.client.$queryRaw`
      SELECT p.id, (SELECT max(e.date) FROM progress_entries e WHERE e.tenant_id = p.tenant_id AND e.pathway_id = p.id) AS last_entry
      FROM pathways p WHERE ${where}`;
  }
}

const open = () => Prisma.sql`p.state NOT IN ('CLOSED', 'WITHDRAWN')`;
