import { Injectable } from '@nestjs/common';
import { AFEST_STEP_LABELS, PATHWAY_ACTION_LABELS, PATHWAY_STATE_LABELS, type AfestStep, type PathwayActionType, type PathwayState } from '@jalon/domain';
import { DOCUMENT_KIND_LABELS, type CommentView, type CreateCommentInput, type CursorPage, type CursorQueryInput, type DocumentKind, type TimelineItem } from '@jalon/contracts';
import { RequestContext } from '@jalon/server/context';
import { notFound, validationFailed } from '@jalon/server/errors';
import { AuditTrail } from '../audit/audit-trail.js';
import { UserRepository } from '../auth/user.repository.js';
import { PathwayAccess } from '../pathways/pathway-access.js';
import { PathwayRepository } from '../pathways/pathway.repository.js';
import { TimelineRepository, type TimelineRow } from './timeline.repository.js';

/** A pathway's story in one list (status changes, progress, AFEST, documents, comments), and its comments. */
@Injectable()
export class TimelineService {
  constructor(
    private readonly context: RequestContext,
    private readonly access: PathwayAccess,
    private readonly pathways: PathwayRepository,
    private readonly timeline: TimelineRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditTrail,
  ) {}

  async page(pathwayId: string, query: CursorQueryInput): Promise<CursorPage<TimelineItem>> {
    const rows = await this.timeline.page(this.context.tenantId, pathwayId, await this.access.scope(), {
      limit: query.limit + 1,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      candidateView: this.context.principal!.role === 'CANDIDATE',
    });
    if (!rows) throw notFound('Ce parcours');
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        type: r.type,
        id: r.id,
        at: r.at.toISOString(),
        actor: r.actor_id ? { id: r.actor_id, firstName: r.actor_first_name ?? '', lastName: r.actor_last_name ?? '' } : null,
        summary: summarise(r),
        data: r.data,
      })),
      nextCursor: rows.length > query.limit && last ? Buffer.from(`${last.at.toISOString()}|${last.key}`).toString('base64url') : null,
    };
  }

  async comment(pathwayId: string, input: CreateCommentInput): Promise<CommentView> {
    await this.access.assertVisible(pathwayId);
    const tenantId = this.context.tenantId;
    const userId = this.context.principal!.userId;
    const comment = await this.timeline.createComment(tenantId, { pathwayId, authorId: userId, body: input.body, sharedWithCandidate: input.sharedWithCandidate });
    await this.pathways.touch(tenantId, pathwayId);
    await this.audit.record({ action: 'comment.create', entity: 'Comment', entityId: comment.id, after: { pathwayId, sharedWithCandidate: input.sharedWithCandidate } });
    const author = (await this.users.namesOf([userId])).get(userId) ?? { firstName: '', lastName: '' };
    return { id: comment.id, body: comment.body, sharedWithCandidate: comment.sharedWithCandidate, author: { id: userId, ...author }, createdAt: comment.createdAt.toISOString() };
  }

}

const REMINDER_LABELS: Record<string, string> = {
  OPCO_FILING_DUE: 'contrat à transmettre à l’OPCO',
  OPCO_SILENCE: 'OPCO sans réponse',
  TRIAL_ENDING: 'fin de période d’essai',
  PAY_BRACKET_CHANGE: 'changement de rémunération',
  CONTRACT_ENDING: 'fin de contrat',
  AFEST_REFLECTION_DUE: 'séquence réflexive AFEST',
  ADMISSIBILITY_CHECK: 'relance du certificateur',
  ADMISSIBILITY_IMPLICIT: 'recevabilité implicite possible',
  ADMISSIBILITY_EXPIRING: 'recevabilité bientôt expirée',
  JURY_UPCOMING: 'jury à venir',
  JURY_RESULT_MISSING: 'résultat du jury à saisir',
};

function summarise(row: TimelineRow): string {
  const d = row.data;
  switch (row.type) {
    case 'STATUS_CHANGE':
      return d['action'] === 'create'
        ? 'Parcours créé'
        : `${PATHWAY_ACTION_LABELS[d['action'] as PathwayActionType] ?? String(d['action'])} : ${PATHWAY_STATE_LABELS[d['toState'] as PathwayState] ?? String(d['toState'])}`;
    case 'PROGRESS_ENTRY':
      return `Suivi du tuteur (${Number(d['hours'])} h) : ${String(d['activity'])}`;
    case 'AFEST_STEP':
      return `AFEST « ${String(d['title'])} » : ${AFEST_STEP_LABELS[d['step'] as AfestStep]}`;
    case 'DOCUMENT':
      return `Document déposé : ${DOCUMENT_KIND_LABELS[d['kind'] as DocumentKind] ?? String(d['kind'])} (${String(d['fileName'])})`;
    case 'COMMENT':
      return 'Commentaire';
    case 'REMINDER':
      return `Rappel envoyé : ${REMINDER_LABELS[String(d['kind'])] ?? String(d['kind'])}`;
  }
}

function decodeCursor(cursor: string): { at: Date; key: string } {
  const [at, key] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!key || Number.isNaN(date.getTime())) throw validationFailed([{ path: 'cursor', message: 'Curseur de pagination invalide.' }]);
  return { at: date, key };
}
