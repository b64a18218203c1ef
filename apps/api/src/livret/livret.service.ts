import { Injectable } from '@nestjs/common';
import { AFEST_STEP_LABELS, AFEST_STEPS, frenchDate, parisDate, PATHWAY_ACTION_LABELS, PATHWAY_STATE_LABELS, type PathwayActionType } from '@jalon/domain';
import { COMPETENCY_LEVEL_LABELS } from '@jalon/contracts';
import { RequestContext } from '@jalon/server/context';
import { fromDbDate } from '@jalon/server/database';
import { AfestRepository } from '../afest/afest.repository.js';
import { UserRepository } from '../auth/user.repository.js';
import { CertificationRepository } from '../certifications/certification.repository.js';
import { PathwayAccess } from '../pathways/pathway-access.js';
import { PathwayRepository } from '../pathways/pathway.repository.js';
import { ProgressRepository } from '../progress/progress.repository.js';
import { TenantRepository } from '../tenants/tenant.repository.js';
import { renderLivret, type LivretData } from './livret.pdf.js';

/** The latest observations printed; older ones stay in the app. */
const MAX_OBSERVATIONS = 500;

const period = (start: Date, end: Date | null) => `du ${frenchDate(fromDbDate(start))}${end ? ` au ${frenchDate(fromDbDate(end))}` : ', en cours'}`;
const hours = (n: number) => `${n.toLocaleString('fr-FR')} h`;

/** The livret de suivi (follow-up booklet) of a pathway, as a PDF. */
@Injectable()
export class LivretService {
  constructor(
    private readonly context: RequestContext,
    private readonly access: PathwayAccess,
    private readonly pathways: PathwayRepository,
    private readonly certifications: CertificationRepository,
    private readonly progress: ProgressRepository,
    private readonly afest: AfestRepository,
    private readonly users: UserRepository,
    private readonly tenants: TenantRepository,
  ) {}

  async render(pathwayId: string): Promise<{ fileName: string; pdf: Buffer }> {
    const tenantId = this.context.tenantId;
    const pathway = await this.access.find(pathwayId);
    const certification = (await this.certifications.findById(tenantId, pathway.certificationId))!;
    const levels = new Map((await this.progress.latestLevels(tenantId, pathwayId)).map((l) => [l.competency_id, l]));
    const observations = await this.progress.chronological(tenantId, pathwayId, MAX_OBSERVATIONS);
    const cycles = await this.afest.listCycles(tenantId, pathwayId);
    const modules = await this.afest.listModules(tenantId, pathwayId);
    const history = await this.pathways.history(tenantId, pathwayId);
    const authors = await this.users.namesOf(observations.map((o) => o.authorId));
    const tenant = await this.tenants.findById(tenantId);
    const name = (p?: { firstName: string; lastName: string }) => (p ? `${p.firstName} ${p.lastName}` : '');
    const targeted = (code: string) => !pathway.targetBlocCodes.length || pathway.targetBlocCodes.includes(code);

    const data: LivretData = {
      tenantName: tenant?.name ?? '',
      generatedOn: frenchDate(parisDate(new Date())),
      candidate: { name: name(pathway.candidate), birthDate: frenchDate(fromDbDate(pathway.candidate.birthDate)) },
      certification: {
        kind: certification.kind,
        code: certification.code,
        title: certification.title,
        level: certification.level,
        certifier: certification.certifier,
        target: pathway.targetBlocCodes.length ? `blocs ${pathway.targetBlocCodes.join(', ')}` : 'certification complète',
      },
      state: PATHWAY_STATE_LABELS[pathway.state],
      contracts: pathway.contracts.map((c) => ({
        kind: c.kind === 'VAE_INVERSEE' ? 'Contrat de professionnalisation (VAE inversée)' : 'Contrat de professionnalisation',
        period: period(c.startDate, c.actualEndDate ?? c.plannedEndDate),
        pay: `${c.payPercentOfSmic} % du SMIC`,
        opco: c.opco ?? 'non précisé',
      })),
      placements: pathway.placements.map((p) => ({ employer: p.employer.name, tutor: name(p.tutor.user), period: period(p.startDate, p.endDate) })),
      competencies: certification.blocs.filter((b) => targeted(b.code)).flatMap((b) =>
        b.competencies.map((c) => {
          const level = levels.get(c.id);
          return { bloc: `${b.code} – ${b.title}`, code: c.code, title: c.title, level: level ? COMPETENCY_LEVEL_LABELS[level.level] : 'non observée', on: level ? frenchDate(fromDbDate(level.assessed_on)) : '' };
        }),
      ),
      afestCycles: cycles.map((c) => {
        const dates = { ANALYSIS: c.analysisOn, SITUATION: c.situationOn, REFLECTION: c.reflectionOn, EVALUATION: c.evaluationOn };
        return { title: c.title, steps: AFEST_STEPS.map((s) => `${AFEST_STEP_LABELS[s]} : ${dates[s] ? frenchDate(fromDbDate(dates[s])) : 'à venir'}`) };
      }),
      training: modules.map((m) => ({ title: m.title, provider: m.provider, hours: `${hours(Number(m.hoursDone))} réalisées sur ${hours(Number(m.hoursPlanned))}` })),
      trainingTotal: `${hours(modules.reduce((n, m) => n + Number(m.hoursDone), 0))} réalisées sur ${hours(modules.reduce((n, m) => n + Number(m.hoursPlanned), 0))} prévues`,
      observations: observations.map((o) => ({ date: frenchDate(fromDbDate(o.date)), author: name(authors.get(o.authorId)), hours: hours(Number(o.hours)), activity: o.activity, comment: o.comment })),
      history: history.map((h) => ({
        date: frenchDate(parisDate(h.occurredAt)),
        label: h.action === 'create' ? 'Parcours créé' : `${PATHWAY_ACTION_LABELS[h.action as PathwayActionType] ?? h.action} → ${PATHWAY_STATE_LABELS[h.toState]}`,
      })),
    };
    const fileName = `livret-de-suivi-${data.candidate.name}.pdf`;
    return { fileName, pdf: await renderLivret(data) };
  }
}
