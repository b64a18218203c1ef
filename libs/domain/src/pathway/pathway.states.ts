/** DESIGN.md §4, in pathway order. */
export const PATHWAY_STATES = [
  'CERTIFICATION_CHOSEN',
  'EXPERIENCE',
  'ADMISSIBILITY_PENDING',
  'DOSSIER',
  'DOSSIER_SUBMITTED',
  'JURY_SCHEDULED',
  'CERTIFIED',
  'PARTIALLY_CERTIFIED',
  'NOT_CERTIFIED',
  'CLOSED',
  'WITHDRAWN',
] as const;

export type PathwayState = (typeof PATHWAY_STATES)[number];

/** What a coordinator reads. */
export const PATHWAY_STATE_LABELS: Record<PathwayState, string> = {
  CERTIFICATION_CHOSEN: 'Certification choisie',
  EXPERIENCE: 'En situation de travail',
  ADMISSIBILITY_PENDING: 'Recevabilité en attente',
  DOSSIER: 'Dossier de validation en préparation',
  DOSSIER_SUBMITTED: 'Dossier de validation déposé',
  JURY_SCHEDULED: 'Jury programmé',
  CERTIFIED: 'Certifié',
  PARTIALLY_CERTIFIED: 'Certifié partiellement',
  NOT_CERTIFIED: 'Non certifié',
  CLOSED: 'Clôturé',
  WITHDRAWN: 'Sorti du parcours',
};

/** No action leads out of these. */
export const FINAL_PATHWAY_STATES: readonly PathwayState[] = ['CLOSED', 'WITHDRAWN'];
