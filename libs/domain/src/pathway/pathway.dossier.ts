import { checkAdmissibilityValid, checkPastDate, requireText } from './pathway.guards.js';
import { firstViolation, type ActionRule } from './pathway.rule.types.js';

/** DOSSIER → DOSSIER_SUBMITTED, while the recevabilité is valid on the day of submission. */
export const submitDossier: ActionRule<'submitDossier'> = {
  from: ['DOSSIER'],
  ready: (snapshot, today) => checkAdmissibilityValid(snapshot, today),
  apply: ({ snapshot, action, today }) =>
    firstViolation(
      () => checkPastDate(action.submittedOn, 'submittedOn', { fr: 'La date de dépôt du dossier', en: 'The submission date' }, today),
      () => checkAdmissibilityValid(snapshot, action.submittedOn),
    ) ?? { to: 'DOSSIER_SUBMITTED', events: [{ type: 'DossierSubmitted', submittedOn: action.submittedOn }], warnings: [] },
};

/** DOSSIER_SUBMITTED → DOSSIER: the certifier sent the dossier back to be completed. */
export const returnDossier: ActionRule<'returnDossier'> = {
  from: ['DOSSIER_SUBMITTED'],
  apply: ({ action, today }) =>
    firstViolation(
      () => checkPastDate(action.returnedOn, 'returnedOn', { fr: 'La date de retour du dossier', en: 'The return date' }, today),
      () =>
        requireText(action.reason, 'DOSSIER_RETURN_REASON_REQUIRED', 'reason', {
          fr: 'Indiquez pourquoi le certificateur a renvoyé le dossier (pièces manquantes, compléments demandés…).',
          en: 'Give the reason the certifier sent the dossier back.',
        }),
    ) ?? {
      to: 'DOSSIER',
      events: [{ type: 'DossierReturned', returnedOn: action.returnedOn, reason: action.reason.trim() }],
      warnings: [],
    },
};
