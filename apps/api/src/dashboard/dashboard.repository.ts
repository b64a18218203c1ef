import { Injectable } from '@nestjs/common';
import type { DeadlineKind } from '@jalon/contracts';
import { Database, Prisma, toDbDate } from '@jalon/server/database';

export interface DashboardFilter {
  cohortId?: string;
  coordinatorId?: string;
}

/** The pathways (alias `p`) of a tenant, by cohort and referent coordinator. */
export function pathwaysMatching(tenantId: string, f: DashboardFilter): Prisma.Sql {
  // Only the filters given: each combination is its own prepared statement, planned for its indexes.
  return Prisma.join(
    [
      Prisma.sql`p.tenant_id = ${tenantId}::uuid`,
      ...(f.cohortId ? [Prisma.sql`p.cohort_id = ${f.cohortId}::uuid`] : []),
      ...(f.coordinatorId ? [Prisma.sql`p.referent_coordinator_id = ${f.coordinatorId}::uuid`] : []),
    ],
    ' AND ',
  );
}

/** Some pathways (alias `p`) of a tenant, by id. */
export function pathwaysIn(tenantId: string, ids: string[]): Prisma.Sql {
  return Prisma.sql`p.tenant_id = ${tenantId}::uuid AND p.id = ANY (${ids}::uuid[])`;
}

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

  /**
   * Dated obligations of open pathways due up to `until` (earlier ones are
   * overdue), soonest first; `overdue_total` counts those before `today`.
   * `onlyPathways` (home pages) is applied inside each source, so a few
   * pathways' deadlines never read the whole tenant's contracts.
   */
  deadlines(
    tenantId: string,
    where: Prisma.Sql,
    today: string,
    until: string,
    opcoFilingDays: number,
    decisionMonths: number,
    /** null: all of them (a home page's few pathways). */
    limit: number | null,
    onlyPathways?: string[],
  ): Promise<(Person & Counted & { pathway_id: string; kind: DeadlineKind; due_on: Date; overdue_total: number })[]> {
    const only = (column: Prisma.Sql) => (onlyPathways ? Prisma.sql`AND ${column} = ANY (${onlyPathways}::uuid[])` : Prisma.empty);
    return this.db.client.$queryRaw`
      SELECT d.pathway_id, c.first_name, c.last_name, d.kind, d.due_on,
             count(*) OVER ()::int AS total, count(*) FILTER (WHERE d.due_on < ${toDbDate(today)}) OVER ()::int AS overdue_total
      FROM (
        SELECT k.pathway_id, 'OPCO_FILING' AS kind, (k.start_date + ${opcoFilingDays}::int) AS due_on
          FROM contracts k WHERE k.tenant_id = ${tenantId}::uuid AND k.opco_filed_on IS NULL AND k.actual_end_date IS NULL
            AND k.start_date <= ${toDbDate(until)}::date - ${opcoFilingDays}::int ${only(Prisma.sql`k.pathway_id`)}
        UNION ALL
        SELECT k.pathway_id, 'TRIAL_END', k.trial_end_date FROM contracts k
          WHERE k.tenant_id = ${tenantId}::uuid AND k.actual_end_date IS NULL AND k.trial_end_date BETWEEN ${toDbDate(today)} AND ${toDbDate(until)} ${only(Prisma.sql`k.pathway_id`)}
        UNION ALL
        SELECT k.pathway_id, 'CONTRACT_END', k.planned_end_date FROM contracts k
          WHERE k.tenant_id = ${tenantId}::uuid AND k.actual_end_date IS NULL AND k.planned_end_date <= ${toDbDate(until)} ${only(Prisma.sql`k.pathway_id`)}
        UNION ALL
        SELECT a.pathway_id, 'ADMISSIBILITY_IMPLICIT', (a.complete_on + make_interval(months => ${decisionMonths}))::date FROM admissibilities a
          WHERE a.tenant_id = ${tenantId}::uuid AND a.is_active AND a.decision IS NULL
            -- The first test lets the index narrow; the second is exact at month ends (31 January + 1 month = 28 February).
            AND a.complete_on <= (${toDbDate(until)}::date - make_interval(months => ${decisionMonths}))::date + 3
            AND (a.complete_on + make_interval(months => ${decisionMonths}))::date <= ${toDbDate(until)} ${only(Prisma.sql`a.pathway_id`)}
        UNION ALL
        SELECT a.pathway_id, 'ADMISSIBILITY_EXPIRY', a.valid_until FROM admissibilities a JOIN pathways q ON q.id = a.pathway_id
          WHERE a.tenant_id = ${tenantId}::uuid AND a.is_active AND a.valid_until <= ${toDbDate(until)} AND q.state = 'DOSSIER' ${only(Prisma.sql`a.pathway_id`)}
        UNION ALL
        SELECT j.pathway_id, CASE WHEN j.date < ${toDbDate(today)} THEN 'JURY_RESULT_MISSING' ELSE 'JURY' END, j.date FROM jury_sessions j
          WHERE j.tenant_id = ${tenantId}::uuid AND j.is_active AND j.result IS NULL AND j.date <= ${toDbDate(until)} ${only(Prisma.sql`j.pathway_id`)}
      ) d
      JOIN pathways p ON p.id = d.pathway_id JOIN candidates c ON c.id = p.candidate_id
      WHERE ${where} AND ${open()}
      ORDER BY d.due_on, d.kind, p.id
      ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
  }
}

const open = () => Prisma.sql`p.state NOT IN ('CLOSED', 'WITHDRAWN')`;
