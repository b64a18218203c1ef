import type { CERTIFICATION_KINDS, DeadlineKind, PUBLIC_CATEGORIES } from '@jalon/contracts';

export { PATHWAY_STATE_LABELS } from '@jalon/contracts';

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  OPCO_FILING: 'Dépôt du contrat à l’OPCO',
  TRIAL_END: 'Fin de la période d’essai',
  CONTRACT_END: 'Fin du contrat',
  ADMISSIBILITY_IMPLICIT: 'Recevabilité implicite possible',
  ADMISSIBILITY_EXPIRY: 'Fin de validité de la recevabilité',
  JURY: 'Jury',
  JURY_RESULT_MISSING: 'Résultat du jury à saisir',
};

/** Badge colours by stage, filled with dark shades so that white text reaches WCAG AA contrast. */
export const STATE_COLORS: Record<string, string> = {
  CERTIFICATION_CHOSEN: 'gray.8',
  EXPERIENCE: 'blue.9',
  ADMISSIBILITY_PENDING: 'violet.9',
  DOSSIER: 'indigo.9',
  DOSSIER_SUBMITTED: 'cyan.9',
  JURY_SCHEDULED: 'grape.9',
  CERTIFIED: 'teal.9',
  PARTIALLY_CERTIFIED: 'teal.9',
  NOT_CERTIFIED: 'red.9',
  CLOSED: 'dark.7',
  WITHDRAWN: 'dark.7',
};

export const REMINDER_KIND_LABELS: Record<string, string> = {
  OPCO_FILING_DUE: 'Dépôt du contrat à l’OPCO',
  OPCO_SILENCE: 'Silence de l’OPCO : acceptation implicite',
  TRIAL_ENDING: 'Fin de la période d’essai',
  PAY_BRACKET_CHANGE: 'Changement de tranche de rémunération',
  CONTRACT_ENDING: 'Fin du contrat',
  AFEST_REFLECTION_DUE: 'Séquence réflexive AFEST à mener',
  ADMISSIBILITY_CHECK: 'Relance de la recevabilité',
  ADMISSIBILITY_IMPLICIT: 'Recevabilité implicite possible',
  ADMISSIBILITY_EXPIRING: 'Fin de validité de la recevabilité',
  JURY_UPCOMING: 'Jury à venir',
  JURY_RESULT_MISSING: 'Résultat du jury à saisir',
  TUTOR_SILENT: 'Tuteur sans saisie',
  TUTOR_SILENT_ESCALATION: 'Tuteur sans saisie (relance)',
  INACTIVE: 'Parcours inactif',
  WEEKLY_DIGEST: 'Récapitulatif de la semaine',
};

export const REMINDER_STATUS_LABELS: Record<string, string> = {
  PLANNED: 'Prévu',
  QUEUED: 'En cours d’envoi',
  SENT: 'Envoyé',
  CANCELLED: 'Annulé',
  FAILED: 'Échec',
};

export const ADMISSIBILITY_DECISION_LABELS: Record<string, string> = {
  INCOMPLETE: 'Dossier incomplet',
  ADMISSIBLE: 'Recevable',
  ADMISSIBLE_IMPLICIT: 'Recevable (silence de deux mois)',
  NOT_ADMISSIBLE: 'Non recevable',
};

export const JURY_RESULT_LABELS: Record<string, string> = {
  FULL: 'Validation totale',
  PARTIAL: 'Validation partielle',
  REFUSED: 'Refus de validation',
  ABSENT: 'Absent·e au jury',
};

export const EXIT_OUTCOME_LABELS: Record<string, string> = {
  CERTIFIED: 'Certifié·e',
  PARTIALLY_CERTIFIED: 'Certifié·e partiellement',
  NOT_CERTIFIED: 'Non certifié·e',
  EMPLOYED: 'En emploi',
  TRAINING: 'En formation',
  OTHER: 'Autre sortie',
};

export const OPCO_DECISION_LABELS: Record<string, string> = {
  PENDING: 'En attente',
  ACCEPTED: 'Accepté',
  ACCEPTED_IMPLICIT: 'Accepté (silence de 20 jours)',
  REFUSED: 'Refusé',
};

/** Levels of the French qualification framework (0: none). */
export const LEVEL_LABELS: Record<number, string> = {
  0: 'Sans diplôme',
  1: 'Niveau 1',
  2: 'Niveau 2',
  3: 'Niveau 3 (CAP, BEP)',
  4: 'Niveau 4 (Bac)',
  5: 'Niveau 5 (Bac +2)',
  6: 'Niveau 6 (Licence, Bac +3)',
  7: 'Niveau 7 (Master, Bac +5)',
  8: 'Niveau 8 (Doctorat)',
};
export const levelLabel = (level: number) => LEVEL_LABELS[level] ?? `Niveau ${level}`;
export const levelOptions = (levels: number[]) => levels.map((level) => ({ value: String(level), label: levelLabel(level) }));

export const CERTIFICATION_KIND_LABELS: Record<(typeof CERTIFICATION_KINDS)[number], string> = {
  RNCP: 'RNCP (titre ou diplôme)',
  RS: 'Répertoire spécifique (RS)',
  CQP: 'CQP (branche)',
  CQPM: 'CQPM (métallurgie)',
};

export const PUBLIC_CATEGORY_LABELS: Record<(typeof PUBLIC_CATEGORIES)[number], string> = {
  YOUNG_UNQUALIFIED_16_25: 'Jeune de 16 à 25 ans sans qualification',
  JOB_SEEKER_LONG_TERM: 'Demandeur·se d’emploi depuis plus d’un an',
  RSA: 'Bénéficiaire du RSA',
  ASS: 'Bénéficiaire de l’ASS',
  AAH: 'Bénéficiaire de l’AAH',
  FORMER_CUI: 'Ancien contrat unique d’insertion (CUI)',
  OTHER: 'Autre public prioritaire',
};
