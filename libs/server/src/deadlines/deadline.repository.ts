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
  return Prisma.sql`p.tenant_id = ${tenantId}::uuid
    AND (${f.cohortId ?? null}::uuid IS NULL OR p.cohort_id = ${f.cohortId ?? null}::uuid)
    AND (${f.coordinatorId ?? null}::uuid IS NULL OR p.referent_coordinator_id = ${f.coordinatorId ?? null}::uuid)`;
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
}

/**
 * The dated obligations of open pathways: one definition for the
 * coordinator's dashboard, the home pages and the weekly digest.
 */
@Injectable()
export class DeadlineRepository {
  constructor(private readonly db: Database) {}

  /** Dated obligations of open pathways due up to `until` (earlier ones are overdue), soonest first, 200 at most. */
  dueBy(tenantId: string, where: Prisma.Sql, window: DeadlineWindow): Promise<DeadlineRow[]> {
    const today = toDbDate(window.today);
    return this.db.client.$queryRaw`
      SELECT d.pathway_id, c.first_name, c.last_name, d.kind, d.due_on FROM (
        SELECT k.pathway_id, 'OPCO_FILING' AS kind, (k.start_date + ${window.opcoFilingDays}::int) AS due_on
          FROM contracts k WHERE k.tenant_id = ${tenantId}::uuid AND k.opco_filed_on IS NULL AND k.actual_end_date IS NULL
        UNION ALL
        SELECT k.pathway_id, 'TRIAL_END', k.trial_end_date FROM contracts k
          WHERE k.tenant_id = ${tenantId}::uuid AND k.trial_end_date IS NOT NULL AND k.actual_end_date IS NULL AND k.trial_end_date >= ${today}
        UNION ALL
        SELECT k.pathway_id, 'CONTRACT_END', k.planned_end_date FROM contracts k
          WHERE k.tenant_id = ${tenantId}::uuid AND k.actual_end_date IS NULL
        UNION ALL
        SELECT a.pathway_id, 'ADMISSIBILITY_IMPLICIT', (a.complete_on + make_interval(months => ${window.decisionMonths}))::date FROM admissibilities a
          WHERE a.tenant_id = ${tenantId}::uuid AND a.is_active AND a.decision IS NULL AND a.complete_on IS NOT NULL
        UNION ALL
        SELECT a.pathway_id, 'ADMISSIBILITY_EXPIRY', a.valid_until FROM admissibilities a JOIN pathways q ON q.id = a.pathway_id
          WHERE a.tenant_id = ${tenantId}::uuid AND a.is_active AND a.valid_until IS NOT NULL AND q.state = 'DOSSIER'
        UNION ALL
        SELECT j.pathway_id, CASE WHEN j.date < ${today} THEN 'JURY_RESULT_MISSING' ELSE 'JURY' END, j.date FROM jury_sessions j
          WHERE j.tenant_id = ${tenantId}::uuid AND j.is_active AND j.result IS NULL
      ) d
      JOIN pathways p ON p.id = d.pathway_id JOIN candidates c ON c.id = p.candidate_id
      WHERE ${where} AND p.state NOT IN ('CLOSED', 'WITHDRAWN') AND d.due_on <= ${toDbDate(window.until)}
      ORDER BY d.due_on, d.kind, p.id
      LIMIT 200`;
  }
}
