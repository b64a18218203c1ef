import { Inject, Injectable } from '@nestjs/common';
import { addDays, parisDate, type Regulation } from '@jalon/domain';
import type { AlternantSummary, HomeView, PathwayStateValue } from '@jalon/contracts';
import { RequestContext } from '@jalon/server/context';
import { fromDbDate, fromOptionalDbDate } from '@jalon/server/database';
import { DeadlineRepository, pathwaysIn } from '@jalon/server/deadlines';
import { REGULATION } from '@jalon/server/regulation';
import { DashboardRepository } from '../dashboard/dashboard.repository.js';
import { PathwayAccess } from '../pathways/pathway-access.js';
import { PathwayRepository } from '../pathways/pathway.repository.js';

/** What comes next for the candidate, by state, in plain French. */
const NEXT_STEPS: Record<PathwayStateValue, string[]> = {
  CERTIFICATION_CHOSEN: ['Votre contrat et votre entreprise d’accueil sont en préparation avec votre chargé·e d’accompagnement.'],
  EXPERIENCE: ['Vous apprenez en situation de travail avec votre tuteur.', 'Votre chargé·e d’accompagnement préparera avec vous la demande de recevabilité (livret 1).'],
  ADMISSIBILITY_PENDING: ['Votre demande de recevabilité est chez le certificateur, qui a deux mois pour répondre.'],
  DOSSIER: ['Votre recevabilité est acceptée : rédigez votre dossier de validation (livret 2) et déposez vos brouillons ici.'],
  DOSSIER_SUBMITTED: ['Votre dossier de validation est déposé : la date du jury vous sera communiquée.'],
  JURY_SCHEDULED: ['Préparez votre passage devant le jury avec votre tuteur et votre chargé·e d’accompagnement.'],
  CERTIFIED: ['Félicitations, vous êtes certifié·e !'],
  PARTIALLY_CERTIFIED: ['Les blocs validés vous restent acquis à vie. Votre chargé·e d’accompagnement vous propose la suite.'],
  NOT_CERTIFIED: ['Votre chargé·e d’accompagnement vous propose la suite de votre parcours.'],
  CLOSED: ['Votre parcours est terminé.'],
  WITHDRAWN: ['Votre parcours est arrêté.'],
};

const MAX_ALTERNANTS = 200;

@Injectable()
export class HomeService {
  constructor(
    @Inject(REGULATION) private readonly regulation: Regulation,
    private readonly context: RequestContext,
    private readonly access: PathwayAccess,
    private readonly pathways: PathwayRepository,
    private readonly dashboard: DashboardRepository,
    private readonly deadlines: DeadlineRepository,
  ) {}

  async view(): Promise<HomeView> {
    const tenantId = this.context.tenantId;
    const role = this.context.principal!.role as HomeView['role'];
    const today = parisDate(new Date());
    const rows = await this.pathways.listWithCurrentEmployer(tenantId, await this.access.scope(), today, MAX_ALTERNANTS);
    const ids = rows.map((r) => r.id);
    const where = pathwaysIn(tenantId, ids);
    const lastEntries = new Map((await this.dashboard.lastEntries(tenantId, where)).map((e) => [e.id, e.last_entry]));
    const window = { today, until: addDays(today, 365), opcoFilingDays: this.regulation.opco.filingDays, decisionMonths: this.regulation.admissibility.decisionMonths, limit: null, onlyPathways: ids };
    const deadlines = (await this.deadlines.dueBy(tenantId, where, window)).map((d) => ({
      pathwayId: d.pathway_id,
      kind: d.kind,
      dueOn: fromDbDate(d.due_on),
      overdue: fromDbDate(d.due_on) < today,
    }));
    const alternants: AlternantSummary[] = rows.map((p) => {
      const next = deadlines.find((d) => d.pathwayId === p.id && !d.overdue) ?? deadlines.find((d) => d.pathwayId === p.id);
      return {
        pathwayId: p.id,
        candidate: { firstName: p.candidate.firstName, lastName: p.candidate.lastName },
        certification: { code: p.certification.code, title: p.certification.title },
        state: p.state,
        employer: p.placements[0]?.employer ?? null,
        lastEntryDate: fromOptionalDbDate(lastEntries.get(p.id)),
        acquiredShare: Math.round(p.acquiredShare * 1000) / 1000,
        nextDeadline: next ? { kind: next.kind, dueOn: next.dueOn, overdue: next.overdue } : null,
      };
    });
    const own = role === 'CANDIDATE' ? rows[0] : undefined;
    return {
      role,
      alternants,
      nextSteps: own ? NEXT_STEPS[own.state] : [],
      deadlines: own ? deadlines.filter((d) => d.pathwayId === own.id).map(({ kind, dueOn, overdue }) => ({ kind, dueOn, overdue })) : [],
    };
  }
}
