import { Injectable } from '@nestjs/common';
import type { DeadlineKind } from '@jalon/contracts';
import { Database, Prisma, toDbDate } from '../database/index.js';

export interface PathwayFilter {
  cohortId?: string;
  /** Referent coordinator (user id). */
  coordinatorId?: string;
}

/** The pathways (alias `p`) of a tenant, by cohort and referent coordinator. */
export function pathwaysMatching(tenantId: string, f: PathwayFilter): Prisma.Sql {
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

export interface DeadlineRow {
  pathway_id: string;
  first_name: string;
  last_name: string;
  kind: DeadlineKind;
  due_on: Date;
  /** How many deadlines there are in all (the rows stop at the limit)… */
  total: number;
  /** …and how many of them are before `today`. */
  overdue_total: number;
}

export interface DeadlineWindow {
  /** Paris day the deadlines are read on (a jury before it is a missing result). */
  today: string;
  /** Last day included; earlier ones, however old, are overdue. */
  until: string;
  /** Regulation: days to file the contract with the OPCO. */
  opcoFilingDays: number;
  /** Regulation: months the certifier has to decide on admissibility. */
  decisionMonths: number;
  /** At most this many rows, soonest first; null: all of them. */
  limit: number | null;
  /**
   * Only these pathways (home pages): applied inside each source, so a few
   * pathways' deadlines never read the whole tenant's contracts.
   */
  onlyPathways?: string[];
}

/**
 * The dated obligations of open pathways: one definition for the
 * coordinator's dashboard, the home pages and the weekly digest.
 */
@Injectable()
export class DeadlineRepository {
  constructor(private readonly db: Database) {}

  /**
   * Dated obligations of open pathways due up to `until` (earlier ones are
   * overdue), soonest first. Each source is bounded by `until` itself, so
   * an index on its date narrows it.
   */
  dueBy(tenantId: string, where: Prisma.Sql, window: DeadlineWindow): Promise<DeadlineRow[]> {
    const today = toDbDate(window.today);
    const until = toDbDate(window.until);
    const months = window.decisionMonths;
    const only = (column: Prisma.Sql) => (window.onlyPathways ? Prisma.sql`AND ${column} = ANY (${window.onlyPathways}::uuid[])` : Prisma.empty);
    return this.db.client.$queryRaw`
      SELECT d.pathway_id, c.first_name, c.last_name, d.kind, d.due_on,
             count(*) OVER ()::int AS total, count(*) FILTER (WHERE d.due_on < ${today}) OVER ()::int AS overdue_total
      FROM (
        SELECT k.pathway_id, 'OPCO_FILING' AS kind, (k.start_date + ${window.opcoFilingDays}::int) AS due_on
          FROM contracts k WHERE k.tenant_id = ${tenantId}::uuid AND k.opco_filed_on IS NULL AND k.actual_end_date IS NULL
            AND k.start_date <= ${until}::date - ${window.opcoFilingDays}::int ${only(Prisma.sql`k.pathway_id`)}
        UNION ALL
        SELECT k.pathway_id, 'TRIAL_END', k.trial_end_date FROM contracts k
          WHERE k.tenant_id = ${tenantId}::uuid AND k.actual_end_date IS NULL AND k.trial_end_date BETWEEN ${today} AND ${until} ${only(Prisma.sql`k.pathway_id`)}
        UNION ALL
        SELECT k.pathway_id, 'CONTRACT_END', k.planned_end_date FROM contracts k
          WHERE k.tenant_id = ${tenantId}::uuid AND k.actual_end_date IS NULL AND k.planned_end_date <= ${until} ${only(Prisma.sql`k.pathway_id`)}
        UNION ALL
        SELECT a.pathway_id, 'ADMISSIBILITY_IMPLICIT', (a.complete_on + make_interval(months => ${months}))::date FROM admissibilities a
          WHERE a.tenant_id = ${tenantId}::uuid AND a.is_active AND a.decision IS NULL
            -- The first test lets an index narrow; the second is exact at month ends (31 December + 2 months = 28 February).
            AND a.complete_on <= (${until}::date - make_interval(months => ${months}))::date + 3
            AND (a.complete_on + make_interval(months => ${months}))::date <= ${until} ${only(Prisma.sql`a.pathway_id`)}
        UNION ALL
        SELECT a.pathway_id, 'ADMISSIBILITY_EXPIRY', a.valid_until FROM admissibilities a JOIN pathways q ON q.id = a.pathway_id
          WHERE a.tenant_id = ${tenantId}::uuid AND a.is_active AND a.valid_until <= ${until} AND q.state = 'DOSSIER' ${only(Prisma.sql`a.pathway_id`)}
        UNION ALL
        SELECT j.pathway_id, CASE WHEN j.date < ${today} THEN 'JURY_RESULT_MISSING' ELSE 'JURY' END, j.date FROM jury_sessions j
          WHERE j.tenant_id = ${tenantId}::uuid AND j.is_active AND j.result IS NULL AND j.date <= ${until} ${only(Prisma.sql`j.pathway_id`)}
      ) d
      JOIN pathways p ON p.id = d.pathway_id JOIN candidates c ON c.id = p.candidate_id
      WHERE ${where} AND p.state NOT IN ('CLOSED', 'WITHDRAWN')
      ORDER BY d.due_on, d.kind, p.id
      ${window.limit === null ? Prisma.empty : Prisma.sql`LIMIT ${window.limit}`}`;
  }
}
