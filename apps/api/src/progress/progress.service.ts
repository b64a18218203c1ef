import { Injectable } from '@nestjs/common';
import { canEditProgressEntry, checkProgressDate, parisDate, progressEditableUntil, type RuleViolation } from '@jalon/domain';
import { ErrorCode, type CoverageView, type CreateProgressEntryInput, type CursorPage, type CursorQueryInput, type ProgressEntryView, type UpdateProgressEntryInput } from '@jalon/contracts';
import { RequestContext } from '@jalon/server/context';
import { fromDbDate, fromOptionalDbDate } from '@jalon/server/database';
import { AppError, notFound, ruleViolation, validationFailed } from '@jalon/server/errors';
import { AuditTrail } from '../audit/audit-trail.js';
import { UserRepository } from '../auth/user.repository.js';
import { CertificationRepository } from '../certifications/certification.repository.js';
import { PathwayAccess } from '../pathways/pathway-access.js';
import { PathwayRepository, type PathwayDetail } from '../pathways/pathway.repository.js';
import { ProgressRepository, type EntryData, type ProgressEntryRow } from './progress.repository.js';

type CompetencyIndex = Map<string, { code: string; title: string; blocCode: string }>;

const invalidCursor = () => validationFailed([{ path: 'cursor', message: 'Curseur de pagination invalide.' }]);

/** Tutors' progress entries (livret de suivi) and the competency coverage they add up to. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly context: RequestContext,
    private readonly access: PathwayAccess,
    private readonly pathways: PathwayRepository,
    private readonly certifications: CertificationRepository,
    private readonly progress: ProgressRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditTrail,
  ) {}

  async create(pathwayId: string, input: CreateProgressEntryInput): Promise<ProgressEntryView> {
    const pathway = await this.access.find(pathwayId, 'follow');
    const competencies = await this.competenciesOf(pathway);
    const data = this.validate(pathway, competencies, { ...input, comment: input.comment ?? null });
    const tenantId = this.context.tenantId;
    await this.checkAttachments(pathwayId, data.attachmentIds);
    const entry = await this.progress.create(tenantId, pathwayId, this.context.principal!.userId, data);
    await this.pathways.touch(tenantId, pathwayId);
    await this.audit.record({ action: 'progress.create', entity: 'ProgressEntry', entityId: entry.id, after: { pathwayId, date: data.date, hours: data.hours, assessments: data.assessments.length } });
    return (await this.views([entry], competencies))[0]!;
  }

  /** Only the author, and only for 7 days; after that the entry is read-only and a correction is a new entry. */
  async update(pathwayId: string, id: string, input: UpdateProgressEntryInput): Promise<ProgressEntryView> {
    const pathway = await this.access.find(pathwayId, 'follow');
    const tenantId = this.context.tenantId;
    const entry = await this.progress.find(tenantId, pathwayId, id);
    if (!entry) throw notFound('Ce suivi');
    if (!canEditProgressEntry(entry, this.context.principal!.userId, new Date())) {
      throw new AppError(409, ErrorCode.ProgressEntryLocked, 'Ce suivi ne peut plus être modifié (7 jours après sa saisie, ou par une autre personne que son auteur). Ajoutez un nouveau suivi pour corriger.');
    }
    const competencies = await this.competenciesOf(pathway);
    const data = this.validate(pathway, competencies, {
      date: input.date ?? fromDbDate(entry.date),
      activity: input.activity ?? entry.activity,
      hours: input.hours ?? Number(entry.hours),
      comment: input.comment !== undefined ? input.comment : entry.comment,
      assessments: input.assessments ?? entry.assessments,
      attachmentIds: input.attachmentIds ?? entry.attachments.map((a) => a.id),
    });
    await this.checkAttachments(pathwayId, data.attachmentIds, id);
    const updated = await this.progress.update(tenantId, pathwayId, id, data);
    await this.audit.record({ action: 'progress.update', entity: 'ProgressEntry', entityId: id, after: { changed: Object.keys(input) } });
    return (await this.views([updated], competencies))[0]!;
  }

  async list(pathwayId: string, query: CursorQueryInput): Promise<CursorPage<ProgressEntryView>> {
    const pathway = await this.access.find(pathwayId);
    const entries = await this.progress.list(this.context.tenantId, pathwayId, query.limit + 1, query.cursor ? decodeCursor(query.cursor) : undefined);
    const page = entries.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: await this.views(page, await this.competenciesOf(pathway)),
      nextCursor: entries.length > query.limit && last ? encodeCursor(fromDbDate(last.date), last.id) : null,
    };
  }

  async coverage(pathwayId: string): Promise<CoverageView> {
    const pathway = await this.access.find(pathwayId);
    const tenantId = this.context.tenantId;
    const rows = await this.progress.coverage(tenantId, pathwayId, pathway.certificationId);
    const last = await this.progress.lastEntryDate(tenantId, pathwayId);
    const targeted = pathway.targetBlocCodes.length ? rows.filter((r) => pathway.targetBlocCodes.includes(r.code)) : rows;
    const total = targeted.reduce((n, r) => n + r.competencies, 0);
    const acquired = targeted.reduce((n, r) => n + r.acquired, 0);
    return {
      blocs: targeted.map((r) => ({ code: r.code, title: r.title, competencies: r.competencies, acquired: r.acquired, inProgress: r.in_progress, acquiredShare: share(r.acquired, r.competencies) })),
      acquiredShare: share(acquired, total),
      lastEntryDate: fromOptionalDbDate(last),
    };
  }

  /** Attachments are the author's own uploads on this pathway, not attached to another entry. */
  private async checkAttachments(pathwayId: string, ids: string[], entryId?: string): Promise<void> {
    const usable = new Set((await this.progress.attachable(this.context.tenantId, pathwayId, this.context.principal!.userId, ids, entryId)).map((d) => d.id));
    const refused = ids.filter((id) => !usable.has(id));
    if (refused.length) {
      throw validationFailed(refused.map((id) => ({ path: `attachmentIds.${ids.indexOf(id)}`, message: 'Document introuvable sur ce parcours, déposé par quelqu’un d’autre ou déjà joint à un autre suivi.' })));
    }
  }

  /** The competencies an entry may assess: those of the certification, or of the target blocs. */
  private async competenciesOf(pathway: PathwayDetail): Promise<CompetencyIndex> {
    const certification = await this.certifications.findById(this.context.tenantId, pathway.certificationId);
    const index: CompetencyIndex = new Map();
    for (const bloc of certification?.blocs ?? []) {
      if (pathway.targetBlocCodes.length && !pathway.targetBlocCodes.includes(bloc.code)) continue;
      for (const c of bloc.competencies) index.set(c.id, { code: c.code, title: c.title, blocCode: bloc.code });
    }
    return index;
  }

  private validate(pathway: PathwayDetail, competencies: CompetencyIndex, data: EntryData): EntryData {
    const unknown = data.assessments.filter((a) => !competencies.has(a.competencyId));
    if (unknown.length) {
      throw validationFailed(unknown.map((a) => ({ path: `assessments.${data.assessments.indexOf(a)}.competencyId`, message: 'Cette compétence ne fait pas partie du parcours.' })));
    }
    const firstContract = pathway.contracts[0];
    const violation: RuleViolation | null = checkProgressDate(data.date, parisDate(new Date()), firstContract ? fromDbDate(firstContract.startDate) : null);
    if (violation) throw ruleViolation([{ code: violation.code, message: violation.message.fr, path: violation.path }]);
    return data;
  }

  private async views(entries: ProgressEntryRow[], competencies: CompetencyIndex): Promise<ProgressEntryView[]> {
    const authors = await this.users.namesOf(entries.map((e) => e.authorId));
    return entries.map((e) => ({
      id: e.id,
      date: fromDbDate(e.date),
      activity: e.activity,
      hours: Number(e.hours),
      comment: e.comment,
      author: { id: e.authorId, ...(authors.get(e.authorId) ?? { firstName: '', lastName: '' }) },
      assessments: e.assessments.map((a) => ({ competencyId: a.competencyId, level: a.level, ...(competencies.get(a.competencyId) ?? { code: '', title: '', blocCode: '' }) })),
      attachments: e.attachments,
      editableUntil: progressEditableUntil(e.createdAt).toISOString(),
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
    }));
  }
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

function encodeCursor(date: string, id: string): string {
  return Buffer.from(`${date}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { date: string; id: string } {
  const [date, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!date || !id || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^[0-9a-f-]{36}$/.test(id)) throw invalidCursor();
  return { date, id };
}
