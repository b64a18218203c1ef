import { Injectable } from '@nestjs/common';
import { Database, Prisma, toDbDate } from '@jalon/server/database';

interface Person {
  first_name: string;
  last_name: string;
}

/**
 * The coordinator dashboard's figures, each computed by Postgres over the
 * tenant's pathways (filtered by cohort and referent coordinator), never by
 * loading rows into the API. Dates are Paris days passed in.
 */
@Injectable()
export class DashboardRepository {
  constructor(private readonly db: Database) {}

  countsByState(tenantId: string, where: Prisma.Sql): Promise<{ state: string; count: number }[]> {
    return this.db.client.$queryRaw`
      SELECT p.state::text AS state, count(*)::int AS count FROM pathways p
      WHERE ${where} GROUP BY p.state`;
  }

  juries(tenantId: string, where: Prisma.Sql, from: string, to: string): Promise<(Person & { pathway_id: string; date: Date; place: string | null })[]> {
    return this.db.client.$queryRaw`
      SELECT p.id AS pathway_id, c.first_name, c.last_name, j.date, j.place
      FROM jury_sessions j JOIN pathways p ON p.id = j.pathway_id JOIN candidates c ON c.id = p.candidate_id
      WHERE ${where} AND j.tenant_id = ${tenantId}::uuid AND j.is_active AND j.result IS NULL
        AND j.date BETWEEN ${toDbDate(from)} AND ${toDbDate(to)}
      ORDER BY j.date, p.id`;
  }

  contractsEnding(tenantId: string, where: Prisma.Sql, from: string, to: string): Promise<(Person & { pathway_id: string; planned_end_date: Date; jury_scheduled: boolean })[]> {
    return this.db.client.$queryRaw`
      SELECT p.id AS pathway_id, c.first_name, c.last_name, k.planned_end_date,
             EXISTS (SELECT 1 FROM jury_sessions j WHERE j.tenant_id = p.tenant_id AND j.pathway_id = p.id AND j.is_active AND j.result IS NULL) AS jury_scheduled
      FROM contracts k JOIN pathways p ON p.id = k.pathway_id JOIN candidates c ON c.id = p.candidate_id
      WHERE ${where} AND ${open()} AND k.tenant_id = ${tenantId}::uuid AND k.actual_end_date IS NULL
        AND k.planned_end_date BETWEEN ${toDbDate(from)} AND ${toDbDate(to)}
      ORDER BY k.planned_end_date, p.id`;
  }

  admissibilityPending(tenantId: string, where: Prisma.Sql, decisionMonths: number): Promise<(Person & { pathway_id: string; submitted_on: Date; complete_on: Date | null; implicit_from: Date | null })[]> {
    return this.db.client.$queryRaw`
      SELECT p.id AS pathway_id, c.first_name, c.last_name, a.submitted_on, a.complete_on,
             (a.complete_on + make_interval(months => ${decisionMonths}))::date AS implicit_from
      FROM admissibilities a JOIN pathways p ON p.id = a.pathway_id JOIN candidates c ON c.id = p.candidate_id
      WHERE ${where} AND p.state = 'ADMISSIBILITY_PENDING' AND a.tenant_id = ${tenantId}::uuid AND a.is_active
      ORDER BY a.submitted_on, p.id`;
  }

  /** Company tutors with a current placement whose last own entry on those pathways is older than `before` (or none). */
  silentTutors(tenantId: string, where: Prisma.Sql, today: string, before: string): Promise<(Person & { membership_id: string; pathways: number; last_entry: Date | null })[]> {
    return this.db.client.$queryRaw`
      SELECT m.id AS membership_id, u.first_name, u.last_name, count(DISTINCT p.id)::int AS pathways,
             max(e.date) AS last_entry
      FROM placements pl
      JOIN pathways p ON p.id = pl.pathway_id
      JOIN memberships m ON m.id = pl.tutor_membership_id
      JOIN users u ON u.id = m.user_id
      LEFT JOIN progress_entries e ON e.tenant_id = p.tenant_id AND e.pathway_id = p.id AND e.author_id = m.user_id
      WHERE ${where} AND ${open()} AND pl.tenant_id = ${tenantId}::uuid
        AND pl.start_date <= ${toDbDate(today)} AND (pl.end_date IS NULL OR pl.end_date >= ${toDbDate(today)})
      GROUP BY m.id, u.first_name, u.last_name
      HAVING max(e.date) IS NULL OR max(e.date) < ${toDbDate(before)}
      ORDER BY max(e.date) NULLS FIRST, m.id`;
  }

  /** Open, active pathways by quarter of competencies whose latest level is ACQUIRED (bucket 1 to 4). */
  coverageBuckets(tenantId: string, where: Prisma.Sql): Promise<{ bucket: number; pathways: number }[]> {
    return this.db.client.$queryRaw`
      WITH shares AS (${acquiredShares(tenantId, Prisma.sql`${where} AND ${open()} AND p.activity = 'ACTIVE'`)})
      SELECT least(4, 1 + floor(share * 4))::int AS bucket, count(*)::int AS pathways FROM shares GROUP BY 1`;
  }

  /** Per pathway, the share of its competencies whose latest level is ACQUIRED. */
  acquiredShares(tenantId: string, where: Prisma.Sql): Promise<{ id: string; share: number }[]> {
    return this.db.client.$queryRaw`${acquiredShares(tenantId, where)}`;
  }

  /** Per pathway, the day of the last progress entry. */
  lastEntries(tenantId: string, where: Prisma.Sql): Promise<{ id: string; last_entry: Date | null }[]> {
    return this.db.client.$queryRaw`
      SELECT p.id, (SELECT max(e.date) FROM progress_entries e WHERE e.tenant_id = p.tenant_id AND e.pathway_id = p.id) AS last_entry
      FROM pathways p WHERE ${where}`;
  }
}

const open = () => Prisma.sql`p.state NOT IN ('CLOSED', 'WITHDRAWN')`;

/**
 * The acquired share of each pathway matching `where`: competencies of its
 * certification (or target blocs), each with its latest assessment (one index
 * probe per competency). A pathway without competencies counts as 0.
 */
function acquiredShares(tenantId: string, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT p.id, coalesce(count(*) FILTER (WHERE latest.level = 'ACQUIRED')::float / nullif(count(c.id), 0), 0) AS share
    FROM pathways p
    LEFT JOIN blocs b ON b.tenant_id = p.tenant_id AND b.certification_id = p.certification_id
      AND (cardinality(p.target_bloc_codes) = 0 OR b.code = ANY (p.target_bloc_codes))
    LEFT JOIN competencies c ON c.tenant_id = p.tenant_id AND c.bloc_id = b.id
    LEFT JOIN LATERAL (
      SELECT a.level FROM competency_assessments a
      WHERE a.tenant_id = ${tenantId}::uuid AND a.pathway_id = p.id AND a.competency_id = c.id
      ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1
    ) latest ON true
    WHERE ${where}
    GROUP BY p.id`;
}
