import { admissibilityValidUntil, implicitAdmissibilityDate } from '../admissibility/admissibility.rules.js';
import { ruleViolation, type RuleViolation, type RuleWarning } from '../regulation/rule.types.js';
import { compareDates, frenchDate, isValidLocalDate, type LocalDate } from '../time/local-date.js';
import { checkAdmissibilityDocuments, checkAdmissibilityUnusable, checkPastDate, checkQuota } from './pathway.guards.js';
import { firstViolation, type ActionRule, type Outcome } from './pathway.rule.types.js';
import type { PathwayState } from './pathway.states.js';
import type { PathwayEvent } from './pathway.types.js';

const SUBMITTED_ON = { fr: 'La date de dépôt de la demande', en: 'The submission date' };
const COMPLETE_ON = { fr: 'La date de dossier complet', en: 'The complete-file date' };
const DECIDED_ON = { fr: 'La date de la décision', en: 'The decision date' };
const VALID_UNTIL = { fr: 'La date de fin de validité', en: 'The validity end date' };

function completeDateInvalid(fr: string, en: string): RuleViolation {
  return ruleViolation('ADMISSIBILITY_COMPLETE_DATE_INVALID', fr, en, { path: 'completeOn' });
}

/** EXPERIENCE → ADMISSIBILITY_PENDING; also from DOSSIER once the recevabilité has expired. */
export const submitAdmissibility: ActionRule<'submitAdmissibility'> = {
  from: ['EXPERIENCE', 'DOSSIER'],
  ready: (snapshot, today, regulation) =>
    firstViolation(
      () => checkAdmissibilityUnusable(snapshot, today),
      () => checkAdmissibilityDocuments(snapshot, regulation),
      () => checkQuota(snapshot, today, regulation),
    ),
  apply: ({ snapshot, action, today, regulation }) => {
    const { submittedOn, completeOn } = action;
    const violation = firstViolation(
      () => checkPastDate(submittedOn, 'submittedOn', SUBMITTED_ON, today),
      () => (completeOn === undefined ? null : checkPastDate(completeOn, 'completeOn', COMPLETE_ON, today)),
      () =>
        completeOn !== undefined && compareDates(completeOn, submittedOn) < 0
          ? completeDateInvalid('Le dossier ne peut pas être complet avant d’avoir été déposé.', 'The file cannot be complete before it was submitted.')
          : null,
      () => checkAdmissibilityUnusable(snapshot, today),
      () => checkAdmissibilityDocuments(snapshot, regulation),
      () => checkQuota(snapshot, submittedOn, regulation),
    );
    if (violation) return violation;
    return {
      to: 'ADMISSIBILITY_PENDING',
      events: [
        {
          type: 'AdmissibilitySubmitted',
          certificationId: snapshot.certification.id,
          blocsOnly: snapshot.targetBlocCodes !== null,
          submittedOn,
          completeOn: completeOn ?? null,
        },
      ],
      warnings: [],
    };
  },
};

/**
 * The certifier's answer. ADMISSIBLE without validUntil: computed from the
 * decision day and the certification's validity. ADMISSIBLE_IMPLICIT: the
 * validity runs from the day silence became a decision (complete + 2 months),
 * not from the day it is recorded.
 */
export const recordAdmissibility: ActionRule<'recordAdmissibility'> = {
  from: ['ADMISSIBILITY_PENDING'],
  ready: (snapshot) =>
    snapshot.activeAdmissibility
      ? null
      : ruleViolation(
          'ADMISSIBILITY_REQUEST_MISSING',
          'Aucune demande de recevabilité en cours n’est enregistrée pour ce parcours.',
          'No current recevabilité request is recorded for this pathway.',
        ),
  apply: ({ snapshot, action, today, regulation }) => {
    const request = snapshot.activeAdmissibility;
    const { decision, decidedOn, completeOn: givenCompleteOn, validUntil: givenValidUntil } = action;
    const positive = decision === 'ADMISSIBLE' || decision === 'ADMISSIBLE_IMPLICIT';
    const violation = firstViolation(
      () => recordAdmissibility.ready?.(snapshot, today, regulation) ?? null,
      () => checkPastDate(decidedOn, 'decidedOn', DECIDED_ON, today),
      () =>
        request && compareDates(decidedOn, request.submittedOn) < 0
          ? ruleViolation(
              'ADMISSIBILITY_DECISION_BEFORE_SUBMISSION',
              `La décision ne peut pas précéder le dépôt de la demande (${frenchDate(request.submittedOn)}).`,
              `The decision cannot precede the request (${request.submittedOn}).`,
              { path: 'decidedOn' },
            )
          : null,
      () => (givenCompleteOn === undefined ? null : checkCompleteOn(givenCompleteOn, decision, decidedOn, request?.submittedOn ?? null, today)),
      () =>
        givenValidUntil !== undefined && !positive
          ? ruleViolation(
              'ADMISSIBILITY_VALIDITY_INVALID',
              'Une date de fin de validité ne s’indique que pour une décision favorable.',
              'A validity end date only applies to a positive decision.',
              { path: 'validUntil' },
            )
          : null,
    );
    if (violation) return violation;
    const completeOn = decision === 'INCOMPLETE' ? null : (givenCompleteOn ?? request?.completeOn ?? null);
    if (!positive) {
      return decided(decision === 'INCOMPLETE' ? 'ADMISSIBILITY_PENDING' : 'EXPERIENCE', { decision, decidedOn, completeOn, validUntil: null });
    }
    let validityStart = decidedOn;
    if (decision === 'ADMISSIBLE_IMPLICIT') {
      if (completeOn === null) {
        return ruleViolation(
          'ADMISSIBILITY_COMPLETE_DATE_REQUIRED',
          'Pour enregistrer une recevabilité implicite, indiquez la date à laquelle le dossier était complet : le délai de 2 mois court à partir de ce jour.',
          'An implicit recevabilité needs the date the file was complete.',
          { path: 'completeOn' },
        );
      }
      validityStart = implicitAdmissibilityDate(completeOn, regulation);
      if (compareDates(decidedOn, validityStart) < 0) {
        return ruleViolation(
          'ADMISSIBILITY_IMPLICIT_TOO_EARLY',
          `Le certificateur a ${regulation.admissibility.decisionMonths} mois pour répondre à partir du dossier complet (${frenchDate(completeOn)}) : la recevabilité ne sera implicite qu’à partir du ${frenchDate(validityStart)}.`,
          `The certifier has ${regulation.admissibility.decisionMonths} months from the complete file: implicit admissibility from ${validityStart}.`,
          { path: 'decidedOn', details: { implicitOn: validityStart } },
        );
      }
    }
    const validUntil = resolveValidUntil(givenValidUntil, validityStart, snapshot.certification.admissibilityValidityMonths);
    if (typeof validUntil !== 'string') return validUntil;
    const warnings: RuleWarning[] = [];
    if (compareDates(validUntil, today) < 0) {
      warnings.push(
        ruleViolation(
          'ADMISSIBILITY_ALREADY_EXPIRED',
          `Cette recevabilité n’est plus valable depuis le ${frenchDate(validUntil)} : une nouvelle demande sera nécessaire avant de déposer le dossier.`,
          `This recevabilité expired on ${validUntil}.`,
          { path: 'validUntil', details: { validUntil } },
        ),
      );
    }
    return decided('DOSSIER', { decision, decidedOn, completeOn, validUntil }, warnings);
  },
};

type DecidedEvent = Extract<PathwayEvent, { type: 'AdmissibilityDecided' }>;

function decided(to: PathwayState, fields: Omit<DecidedEvent, 'type' | 'implicit'>, warnings: RuleWarning[] = []): Outcome {
  return { to, events: [{ type: 'AdmissibilityDecided', ...fields, implicit: fields.decision === 'ADMISSIBLE_IMPLICIT' }], warnings };
}

function checkCompleteOn(
  completeOn: LocalDate,
  decision: DecidedEvent['decision'],
  decidedOn: LocalDate,
  submittedOn: LocalDate | null,
  today: LocalDate,
): RuleViolation | null {
  const invalid = checkPastDate(completeOn, 'completeOn', COMPLETE_ON, today);
  if (invalid) return invalid;
  if (decision === 'INCOMPLETE') {
    return completeDateInvalid('Un dossier déclaré incomplet ne peut pas avoir de date de dossier complet.', 'An incomplete file has no complete date.');
  }
  if (submittedOn && compareDates(completeOn, submittedOn) < 0) {
    return completeDateInvalid('Le dossier ne peut pas être complet avant d’avoir été déposé.', 'The file cannot be complete before it was submitted.');
  }
  if (compareDates(completeOn, decidedOn) > 0) {
    return completeDateInvalid('Le dossier ne peut pas être complet après la décision.', 'The file cannot be complete after the decision.');
  }
  return null;
}

function resolveValidUntil(given: LocalDate | undefined, validityStart: LocalDate, validityMonths: number): LocalDate | RuleViolation {
  if (given === undefined) {
    if (validityMonths > 0) return admissibilityValidUntil(validityStart, validityMonths);
    return ruleViolation(
      'ADMISSIBILITY_VALIDITY_REQUIRED',
      'La durée de validité de la recevabilité n’est pas renseignée pour cette certification : indiquez la date de fin de validité figurant sur la décision.',
      'The certification has no recevabilité validity: enter the validity end date.',
      { path: 'validUntil' },
    );
  }
  if (!isValidLocalDate(given)) {
    return ruleViolation('DATE_INVALID', `${VALID_UNTIL.fr} n’est pas une date valide.`, `${VALID_UNTIL.en} is not a valid date.`, { path: 'validUntil' });
  }
  if (compareDates(given, validityStart) <= 0) {
    return ruleViolation(
      'ADMISSIBILITY_VALIDITY_INVALID',
      'La date de fin de validité doit être postérieure à la décision.',
      'The validity end date must be after the decision.',
      { path: 'validUntil' },
    );
  }
  return given;
}
