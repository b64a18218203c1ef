import { z } from 'zod';
import { IdSchema } from './common.js';
import type { PathwayStateValue } from './pathways.js';

export const DashboardQuery = z.strictObject({
  cohortId: IdSchema.optional(),
  /** Referent coordinator (user id). */
  coordinatorId: IdSchema.optional(),
});
export type DashboardQueryInput = z.infer<typeof DashboardQuery>;

export const DEADLINE_KINDS = ['OPCO_FILING', 'TRIAL_END', 'CONTRACT_END', 'ADMISSIBILITY_IMPLICIT', 'ADMISSIBILITY_EXPIRY', 'JURY', 'JURY_RESULT_MISSING'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** What each deadline is, in French (dashboard, weekly digest). */
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  OPCO_FILING: 'contrat à transmettre à l’OPCO',
  TRIAL_END: 'fin de la période d’essai',
  CONTRACT_END: 'fin du contrat',
  ADMISSIBILITY_IMPLICIT: 'recevabilité sans décision : implicite possible',
  ADMISSIBILITY_EXPIRY: 'fin de validité de la recevabilité',
  JURY: 'jury',
  JURY_RESULT_MISSING: 'résultat du jury à saisir',
};

export interface PathwayRef {
  pathwayId: string;
  candidate: { firstName: string; lastName: string };
}

export interface Deadline extends PathwayRef {
  kind: DeadlineKind;
  dueOn: string;
  overdue: boolean;
}

/** Each list of the dashboard shows at most this many items, the most urgent first; `totals` counts them all. */
export const DASHBOARD_LIST_LIMIT = 50;

/** Everything the coordinator's dashboard shows, in one answer. */
export interface DashboardView {
  /** When these figures were computed (ISO instant): the dashboard may be up to a minute old (see DashboardCache). */
  computedAt: string;
  countsByState: Record<PathwayStateValue, number>;
  /** Overdue, then the next 30 days, soonest first. */
  deadlines: Deadline[];
  juriesNext30Days: (PathwayRef & { date: string; place: string | null })[];
  contractsEndingIn90Days: (PathwayRef & { plannedEndDate: string; juryScheduled: boolean })[];
  admissibilityAwaitingDecision: (PathwayRef & { submittedOn: string; completeOn: string | null; implicitFrom: string | null; pastTwoMonths: boolean })[];
  silentTutors: { membershipId: string; firstName: string; lastName: string; pathways: number; lastEntryDate: string | null }[];
  /** Active pathways by share of competencies acquired: [0–25 %), [25–50 %), [50–75 %), [75–100 %]. */
  coverageDistribution: { from: number; to: number; pathways: number }[];
  /** How many items each list has in all (the lists stop at DASHBOARD_LIST_LIMIT). */
  totals: {
    deadlines: number;
    overdueDeadlines: number;
    juriesNext30Days: number;
    contractsEndingIn90Days: number;
    admissibilityAwaitingDecision: number;
    admissibilityPastTwoMonths: number;
    silentTutors: number;
  };
}
