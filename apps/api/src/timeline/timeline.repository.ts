import { Injectable } from '@nestjs/common';
import { Database, Prisma, type Comment } from '@jalon/server/database';
import { scopeSql, type PathwayScope } from '../pathways/pathway.repository.js';

export interface TimelineRow {
  type: 'STATUS_CHANGE' | 'PROGRESS_ENTRY' | 'AFEST_STEP' | 'DOCUMENT' | 'COMMENT' | 'REMINDER';
  id: string;
  /** Unique and ordered with `at`: the cursor's tie-break. */
  key: string;
  at: Date;
  actor_id: string | null;
  /** The actor's name (users are not tenant rows: null only without an actor). */
  actor_first_name: string | null;
  actor_last_name: string | null;
  data: Record<string, unknown>;
}

@Injectable()
export class TimelineRepository {
  constructor(private readonly db: Database) {}

  /**
   * A pathway's events from every source, newest first, one page after the
   * cursor (at, key), with their actors' names; null when the pathway is not
   * within `scope`. AFEST steps are dated days: they sit at noon, Paris time.
   * Comments not shared with the candidate, and reminders not sent to them,
   * are left out for the candidate. One statement: the pathway's row carries
   * the page (or nothing, past the last event). Read in a plain transaction
   * of its own (Database.sqlStatement), outside any unit of work: the
   * route is one of the most read, and Prisma's interactive transaction
   * would double the cost of this one statement.
   */
  async page(
    tenantId: string,
    pathwayId: string,
    scope: PathwayScope,
    options: { limit: number; after?: { at: Date; key: string }; candidateView: boolean },
  ): Promise<TimelineRow[] | null> {
    const afterAt = options.after?.at ?? null;
    const afterKey = options.after?.key ?? null;
    const statement = Prisma.sql`
      SELECT t.type, t.id, t.key, t.at, t.actor_id, u.first_name AS actor_first_name, u.last_name AS actor_last_name, t.data
      FROM pathways p
      LEFT JOIN (SELECT * FROM (
        SELECT 'STATUS_CHANGE' AS type, h.id, h.id::text AS key, h.occurred_at AS at, h.actor_id,
               jsonb_build_object('fromState', h.from_state, 'toState', h.to_state, 'action', h.action) AS data
        FROM status_history h WHERE h.tenant_id = ${tenantId}::uuid AND h.pathway_id = ${pathwayId}::uuid
        UNION ALL
        SELECT 'PROGRESS_ENTRY', e.id, e.id::text, e.created_at, e.author_id,
               jsonb_build_object('date', e.date, 'activity', e.activity, 'hours', e.hours)
        FROM progress_entries e WHERE e.tenant_id = ${tenantId}::uuid AND e.pathway_id = ${pathwayId}::uuid
        UNION ALL
        SELECT 'AFEST_STEP', c.id, c.id::text || ':' || s.position, (s.day + time '12:00') AT TIME ZONE 'Europe/Paris', c.created_by_id,
               jsonb_build_object('title', c.title, 'step', s.step, 'date', s.day)
        FROM afest_cycles c
        CROSS JOIN LATERAL (VALUES (1, 'ANALYSIS', c.analysis_on), (2, 'SITUATION', c.situation_on), (3, 'REFLECTION', c.reflection_on), (4, 'EVALUATION', c.evaluation_on)) AS s(position, step, day)
        WHERE c.tenant_id = ${tenantId}::uuid AND c.pathway_id = ${pathwayId}::uuid AND s.day IS NOT NULL
        UNION ALL
        SELECT 'DOCUMENT', d.id, d.id::text, d.created_at, d.uploaded_by_id,
               jsonb_build_object('kind', d.kind, 'fileName', d.file_name)
        FROM documents d WHERE d.tenant_id = ${tenantId}::uuid AND d.pathway_id = ${pathwayId}::uuid AND d.deleted_at IS NULL
        UNION ALL
        SELECT 'COMMENT', m.id, m.id::text, m.created_at, m.author_id,
               jsonb_build_object('body', m.body, 'sharedWithCandidate', m.shared_with_candidate)
        FROM comments m WHERE m.tenant_id = ${tenantId}::uuid AND m.pathway_id = ${pathwayId}::uuid AND m.deleted_at IS NULL
          AND (${options.candidateView} = false OR m.shared_with_candidate)
        UNION ALL
        SELECT 'REMINDER', r.id, r.id::text, r.sent_at, NULL,
               jsonb_build_object('kind', r.kind, 'recipients', r.recipients)
        FROM reminders r WHERE r.tenant_id = ${tenantId}::uuid AND r.pathway_id = ${pathwayId}::uuid AND r.status = 'SENT'
          AND (${options.candidateView} = false OR 'CANDIDATE' = ANY (r.recipients))
      ) t
      WHERE ${afterAt}::timestamptz IS NULL OR (t.at, t.key) < (${afterAt}::timestamptz, ${afterKey}::text)
      ORDER BY t.at DESC, t.key DESC
      LIMIT ${options.limit}) t ON true
      LEFT JOIN users u ON u.id = t.actor_id
      WHERE p.tenant_id = ${tenantId}::uuid AND p.id = ${pathwayId}::uuid AND ${scopeSql(scope)}
      ORDER BY t.at DESC, t.key DESC`;
    const rows = await this.db.sqlStatement<Omit<TimelineRow, 'type'> & { type: TimelineRow['type'] | null }>(tenantId, statement);
    if (!rows.length) return null;
    return rows.filter((row): row is TimelineRow => row.type !== null);
  }

  createComment(tenantId: string, data: { pathwayId: string; authorId: string; body: string; sharedWithCandidate: boolean }): Promise<Comment> {
    return this.db.client.comment.create({ data: { ...data, tenantId } });
  }
}
