import { Injectable } from '@nestjs/common';
import { Database, toDbDate, type CompetencyLevel, type Prisma } from '@jalon/server/database';

const withDetails = {
  assessments: { select: { competencyId: true, level: true }, orderBy: { id: 'asc' } },
  attachments: { where: { deletedAt: null }, select: { id: true, fileName: true, mimeType: true }, orderBy: { createdAt: 'asc' } },
} satisfies Prisma.ProgressEntryInclude;

export type ProgressEntryRow = Prisma.ProgressEntryGetPayload<{ include: typeof withDetails }>;

export interface EntryData {
  date: string;
  activity: string;
  hours: number;
  comment: string | null;
  assessments: { competencyId: string; level: CompetencyLevel }[];
  attachmentIds: string[];
}

export interface CoverageRow {
  code: string;
  title: string;
  competencies: number;
  acquired: number;
  in_progress: number;
}

@Injectable()
export class ProgressRepository {
  constructor(private readonly db: Database) {}

  async create(tenantId: string, pathwayId: string, authorId: string, data: EntryData): Promise<ProgressEntryRow> {
    const entry = await this.db.client.progressEntry.create({
      data: { tenantId, pathwayId, authorId, date: toDbDate(data.date), activity: data.activity, hours: data.hours, comment: data.comment },
    });
    await this.writeAssessments(tenantId, pathwayId, entry.id, data.date, data.assessments);
    await this.attach(tenantId, entry.id, data.attachmentIds);
    return (await this.find(tenantId, pathwayId, entry.id))!;
  }

  find(tenantId: string, pathwayId: string, id: string): Promise<ProgressEntryRow | null> {
    return this.db.client.progressEntry.findFirst({ where: { tenantId, pathwayId, id }, include: withDetails });
  }

  async update(tenantId: string, pathwayId: string, id: string, data: EntryData): Promise<ProgressEntryRow> {
    await this.db.client.progressEntry.updateMany({
      where: { tenantId, id },
      data: { date: toDbDate(data.date), activity: data.activity, hours: data.hours, comment: data.comment },
    });
    await this.db.client.competencyAssessment.deleteMany({ where: { tenantId, progressEntryId: id } });
    await this.writeAssessments(tenantId, pathwayId, id, data.date, data.assessments);
    await this.db.client.document.updateMany({ where: { tenantId, progressEntryId: id, id: { notIn: data.attachmentIds } }, data: { progressEntryId: null } });
    await this.attach(tenantId, id, data.attachmentIds);
    return (await this.find(tenantId, pathwayId, id))!;
  }

  /** Newest first: by date, then id; `after` is the last (date, id) of the previous page. */
  list(tenantId: string, pathwayId: string, limit: number, after?: { date: string; id: string }): Promise<ProgressEntryRow[]> {
    const where: Prisma.ProgressEntryWhereInput = {
      tenantId,
      pathwayId,
      ...(after ? { OR: [{ date: { lt: toDbDate(after.date) } }, { date: toDbDate(after.date), id: { lt: after.id } }] } : {}),
    };
    return this.db.client.progressEntry.findMany({ where, include: withDetails, orderBy: [{ date: 'desc' }, { id: 'desc' }], take: limit });
  }

  /**
   * Per bloc of the certification, how many competencies there are and how
   * many have ACQUIRED (or IN_PROGRESS) as their latest level, computed in the
   * database from the latest assessment of each competency (one index probe
   * each), never by loading the entries.
   */
  coverage(tenantId: string, pathwayId: string, certificationId: string): Promise<CoverageRow[]> {
    return this.db.client.$queryRaw<CoverageRow[]>`
      SELECT b.code, b.title,
             count(c.id)::int AS competencies,
             count(*) FILTER (WHERE latest.level = 'ACQUIRED')::int AS acquired,
             count(*) FILTER (WHERE latest.level = 'IN_PROGRESS')::int AS in_progress
      FROM blocs b
      JOIN competencies c ON c.tenant_id = b.tenant_id AND c.bloc_id = b.id
      LEFT JOIN LATERAL (
        SELECT a.level FROM competency_assessments a
        WHERE a.tenant_id = ${tenantId}::uuid AND a.pathway_id = ${pathwayId}::uuid AND a.competency_id = c.id
        ORDER BY a.assessed_on DESC, a.created_at DESC
        LIMIT 1
      ) latest ON true
      WHERE b.tenant_id = ${tenantId}::uuid AND b.certification_id = ${certificationId}::uuid
      GROUP BY b.id, b.code, b.title, b.position
      ORDER BY b.position`;
  }

  /** The current level of each assessed competency of a pathway: its latest assessment. */
  latestLevels(tenantId: string, pathwayId: string): Promise<{ competency_id: string; level: CompetencyLevel; assessed_on: Date }[]> {
    return this.db.client.$queryRaw`
      SELECT DISTINCT ON (a.competency_id) a.competency_id, a.level, a.assessed_on
      FROM competency_assessments a
      WHERE a.tenant_id = ${tenantId}::uuid AND a.pathway_id = ${pathwayId}::uuid
      ORDER BY a.competency_id, a.assessed_on DESC, a.created_at DESC`;
  }

  /** Oldest first, at most `limit` (the livret de suivi). */
  chronological(tenantId: string, pathwayId: string, limit: number): Promise<ProgressEntryRow[]> {
    return this.db.client.progressEntry.findMany({ where: { tenantId, pathwayId }, include: withDetails, orderBy: [{ date: 'asc' }, { id: 'asc' }], take: limit });
  }

  async lastEntryDate(tenantId: string, pathwayId: string): Promise<Date | null> {
    const last = await this.db.client.progressEntry.findFirst({ where: { tenantId, pathwayId }, orderBy: [{ date: 'desc' }, { id: 'desc' }], select: { date: true } });
    return last?.date ?? null;
  }

  /** Documents that may be attached to an entry of `authorId`: theirs, on this pathway, not deleted, free or already on `entryId`. */
  attachable(tenantId: string, pathwayId: string, authorId: string, ids: string[], entryId?: string): Promise<{ id: string }[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db.client.document.findMany({
      where: { tenantId, pathwayId, id: { in: ids }, uploadedById: authorId, deletedAt: null, OR: [{ progressEntryId: null }, ...(entryId ? [{ progressEntryId: entryId }] : [])] },
      select: { id: true },
    });
  }

  private async attach(tenantId: string, entryId: string, ids: string[]): Promise<void> {
    if (ids.length) await this.db.client.document.updateMany({ where: { tenantId, id: { in: ids } }, data: { progressEntryId: entryId } });
  }

  private async writeAssessments(tenantId: string, pathwayId: string, progressEntryId: string, date: string, assessments: EntryData['assessments']): Promise<void> {
    if (!assessments.length) return;
    await this.db.client.competencyAssessment.createMany({
      data: assessments.map((a) => ({ tenantId, pathwayId, progressEntryId, competencyId: a.competencyId, level: a.level, assessedOn: toDbDate(date) })),
    });
  }
}
