import type { LocalDate } from '../time/local-date.js';

export const ADMISSIBILITY_DECISIONS = ['INCOMPLETE', 'ADMISSIBLE', 'ADMISSIBLE_IMPLICIT', 'NOT_ADMISSIBLE'] as const;
export type AdmissibilityDecision = (typeof ADMISSIBILITY_DECISIONS)[number];

export const JURY_RESULTS = ['FULL', 'PARTIAL', 'REFUSED', 'ABSENT'] as const;
export type JuryResult = (typeof JURY_RESULTS)[number];

export const EXIT_OUTCOMES = ['CERTIFIED', 'PARTIALLY_CERTIFIED', 'NOT_CERTIFIED', 'EMPLOYED', 'TRAINING', 'OTHER'] as const;
export type ExitOutcome = (typeof EXIT_OUTCOMES)[number];

/**
 * What a coordinator asks the pathway to do. Dates in payloads are the days
 * things happened (they may be earlier than today, never later).
 */
export type PathwayAction =
  | { type: 'start' }
  | { type: 'submitAdmissibility'; submittedOn: LocalDate; completeOn?: LocalDate }
  | {
      type: 'recordAdmissibility';
      decision: AdmissibilityDecision;
      decidedOn: LocalDate;
      /** Computed from the certification's validity when absent. */
      validUntil?: LocalDate;
      completeOn?: LocalDate;
    }
  | { type: 'submitDossier'; submittedOn: LocalDate }
  | { type: 'returnDossier'; returnedOn: LocalDate; reason: string }
  | { type: 'scheduleJury'; date: LocalDate; place?: string }
  | { type: 'rescheduleJury'; date: LocalDate; place?: string }
  | { type: 'recordJuryResult'; result: JuryResult; acquiredBlocCodes?: string[] }
  | { type: 'resume' }
  | { type: 'close'; exitOutcome: ExitOutcome }
  | { type: 'withdraw'; reason: string; date: LocalDate; inTrial: boolean };

export const PATHWAY_ACTIONS = [
  'start',
  'submitAdmissibility',
  'recordAdmissibility',
  'submitDossier',
  'returnDossier',
  'scheduleJury',
  'rescheduleJury',
  'recordJuryResult',
  'resume',
  'close',
  'withdraw',
] as const satisfies readonly PathwayAction['type'][];

export type PathwayActionType = (typeof PATHWAY_ACTIONS)[number];

// Compile-time check that PATHWAY_ACTIONS lists every action of the union.
type UnlistedAction = Exclude<PathwayAction['type'], PathwayActionType>;
const _everyActionListed: [UnlistedAction] extends [never] ? true : UnlistedAction = true;

/** Button labels. */
export const PATHWAY_ACTION_LABELS: Record<PathwayActionType, string> = {
  start: 'Démarrer le parcours',
  submitAdmissibility: 'Déposer la demande de recevabilité',
  recordAdmissibility: 'Enregistrer la réponse de recevabilité',
  submitDossier: 'Déposer le dossier de validation',
  returnDossier: 'Enregistrer le retour du dossier',
  scheduleJury: 'Programmer le jury',
  rescheduleJury: 'Reprogrammer le jury',
  recordJuryResult: 'Enregistrer le résultat du jury',
  resume: 'Préparer un nouveau passage',
  close: 'Clôturer le parcours',
  withdraw: 'Enregistrer une sortie du parcours',
};
