import type { DeadlineKind } from '@jalon/contracts';

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
