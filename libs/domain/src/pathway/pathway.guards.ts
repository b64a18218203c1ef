import { checkAdmissibilityQuota, isAdmissibilityValidOn } from '../admissibility/admissibility.rules.js';
import { hasJuryDatePassed } from '../jury/jury.rules.js';
import type { Regulation } from '../regulation/regulation.types.js';
import { ruleViolation, type LocalizedMessage, type RuleViolation, type RuleWarning } from '../regulation/rule.types.js';
import { addDays, compareDates, diffInDays, frenchDate, isValidLocalDate, yearOf, type LocalDate } from '../time/local-date.js';
import type { PathwaySnapshot } from './pathway.types.js';

/*
 * Guards shared by the actions. Each returns the first broken rule or null.
 * Those without a payload take the day to check on, so that availableActions
 * can ask them about today.
 */

/** A day something happened: a real date, not after today. */
export function checkPastDate(value: LocalDate, path: string, label: LocalizedMessage, today: LocalDate): RuleViolation | null {
  if (!isValidLocalDate(value)) {
    return ruleViolation('DATE_INVALID', `${label.fr} n’est pas une date valide.`, `${label.en} is not a valid date.`, { path });
  }
  if (compareDates(value, today) > 0) {
    return ruleViolation(
      'DATE_IN_FUTURE',
      `${label.fr} (${frenchDate(value)}) est dans le futur : indiquez le jour où c’est arrivé.`,
      `${label.en} (${value}) is in the future.`,
      { path, details: { today } },
    );
  }
  return null;
}

export function requireText(value: string, code: string, path: string, message: LocalizedMessage): RuleViolation | null {
  return value.trim() === '' ? ruleViolation(code, message.fr, message.en, { path }) : null;
}

/** start: a contract running today, filed with the OPCO, and a placement with a company tutor. */
export function checkReadyToStart(snapshot: PathwaySnapshot, today: LocalDate): RuleViolation | null {
  const { contract } = snapshot;
  if (!contract) {
    return ruleViolation(
      'START_REQUIRES_CONTRACT',
      'Le parcours ne peut pas démarrer sans contrat : enregistrez d’abord le contrat de professionnalisation.',
      'The pathway cannot start without a contract.',
    );
  }
  const end = contract.endedOn ?? contract.plannedEndDate;
  if (compareDates(end, today) < 0) {
    return ruleViolation(
      'START_REQUIRES_CONTRACT',
      `Le contrat est terminé depuis le ${frenchDate(end)} : enregistrez un nouveau contrat ou un renouvellement avant de démarrer.`,
      `The contract ended on ${end}: record a new contract or a renewal first.`,
      { details: { contractEnd: end } },
    );
  }
  if (compareDates(contract.startDate, today) > 0) {
    return ruleViolation(
      'START_CONTRACT_NOT_STARTED',
      `Le contrat commence le ${frenchDate(contract.startDate)} : le parcours pourra démarrer ce jour-là.`,
      `The contract starts on ${contract.startDate}: the pathway can start that day.`,
      { details: { contractStart: contract.startDate } },
    );
  }
  if (!contract.opcoFiledOn) {
    return ruleViolation(
      'START_REQUIRES_OPCO_FILING',
      'Le contrat n’a pas encore été transmis à l’OPCO : indiquez la date de dépôt avant de démarrer le parcours.',
      'The contract has not been filed with the OPCO yet.',
    );
  }
  if (!snapshot.hasCurrentPlacementWithTutor) {
    return ruleViolation(
      'START_REQUIRES_TUTOR',
      'Aucune mise à disposition en cours avec un tuteur en entreprise : enregistrez l’entreprise d’accueil et son tuteur avant de démarrer.',
      'There is no current placement with a company tutor.',
    );
  }
  return null;
}

/** A warning, not a refusal: the OPCO may refuse to fund a contract filed late. */
export function opcoFilingWarnings(snapshot: PathwaySnapshot, regulation: Regulation): RuleWarning[] {
  const contract = snapshot.contract;
  if (!contract?.opcoFiledOn) return [];
  const deadline = addDays(contract.startDate, regulation.opco.filingDays);
  if (compareDates(contract.opcoFiledOn, deadline) <= 0) return [];
  return [
    ruleViolation(
      'OPCO_FILED_LATE',
      `Le contrat a été transmis à l’OPCO le ${frenchDate(contract.opcoFiledOn)}, après le délai de ${regulation.opco.filingDays} jours (au plus tard le ${frenchDate(deadline)}) : vérifiez la prise en charge.`,
      `The contract was filed with the OPCO on ${contract.opcoFiledOn}, after the ${regulation.opco.filingDays}-day deadline (${deadline}).`,
      { details: { deadline, daysLate: diffInDays(deadline, contract.opcoFiledOn) } },
    ),
  ];
}

export function checkAdmissibilityDocuments(snapshot: PathwaySnapshot, regulation: Regulation): RuleViolation | null {
  const missing = regulation.admissibility.requiredDocumentKinds.filter((kind) => !snapshot.documentKinds.includes(kind));
  if (missing.length === 0) return null;
  return ruleViolation(
    'ADMISSIBILITY_DOCUMENTS_MISSING',
    'Il manque des pièces pour demander la recevabilité : ajoutez le formulaire de demande de recevabilité (livret 1) au dossier du candidat.',
    `Documents are missing for the recevabilité request: ${missing.join(', ')}.`,
    { details: { missingDocumentKinds: missing } },
  );
}

export function checkQuota(snapshot: PathwaySnapshot, on: LocalDate, regulation: Regulation): RuleViolation | null {
  return checkAdmissibilityQuota(
    {
      certificationId: snapshot.certification.id,
      blocsOnly: snapshot.targetBlocCodes !== null,
      year: yearOf(on),
      requestsThisYear: snapshot.admissibilityRequestsThisYear,
    },
    regulation,
  );
}

function isPositive(snapshot: PathwaySnapshot): boolean {
  const decision = snapshot.activeAdmissibility?.decision;
  return decision === 'ADMISSIBLE' || decision === 'ADMISSIBLE_IMPLICIT';
}

/** submitDossier: a positive recevabilité still valid on the day of submission. */
export function checkAdmissibilityValid(snapshot: PathwaySnapshot, on: LocalDate): RuleViolation | null {
  const admissibility = snapshot.activeAdmissibility;
  if (!admissibility || !isPositive(snapshot)) {
    return ruleViolation(
      'ADMISSIBILITY_NOT_GRANTED',
      'Le dossier de validation ne peut être déposé qu’après une décision de recevabilité favorable.',
      'The validation dossier requires a positive recevabilité decision.',
    );
  }
  if (admissibility.validUntil && !isAdmissibilityValidOn(admissibility.validUntil, on)) {
    return ruleViolation(
      'ADMISSIBILITY_EXPIRED',
      `La recevabilité n’était plus valable le ${frenchDate(on)} (valable jusqu’au ${frenchDate(admissibility.validUntil)}) : une nouvelle demande de recevabilité est nécessaire.`,
      `The recevabilité was no longer valid on ${on} (valid until ${admissibility.validUntil}): a new request is needed.`,
      { details: { validUntil: admissibility.validUntil } },
    );
  }
  return null;
}

/** A new recevabilité request from DOSSIER only once the current one can no longer be used. */
export function checkAdmissibilityUnusable(snapshot: PathwaySnapshot, today: LocalDate): RuleViolation | null {
  if (snapshot.state !== 'DOSSIER' || checkAdmissibilityValid(snapshot, today) !== null) return null;
  const validUntil = snapshot.activeAdmissibility?.validUntil ?? null;
  return ruleViolation(
    'ADMISSIBILITY_STILL_VALID',
    'La recevabilité est encore valable' + (validUntil ? ` jusqu’au ${frenchDate(validUntil)}` : '') + ' : déposez le dossier de validation plutôt qu’une nouvelle demande.',
    'The recevabilité is still valid: submit the validation dossier instead of a new request.',
    { details: { validUntil } },
  );
}

/** recordJuryResult: a jury whose date has passed. */
export function checkJuryHeld(snapshot: PathwaySnapshot, today: LocalDate): RuleViolation | null {
  const jury = snapshot.activeJury;
  if (!jury) {
    return ruleViolation('JURY_NOT_SCHEDULED', 'Aucun jury n’est programmé pour ce parcours.', 'No jury is scheduled for this pathway.');
  }
  if (!hasJuryDatePassed(jury.date, today)) {
    return ruleViolation(
      'JURY_NOT_YET_HELD',
      `Le jury est prévu le ${frenchDate(jury.date)} : son résultat pourra être saisi à partir du ${frenchDate(addDays(jury.date, 1))}.`,
      `The jury is on ${jury.date}: its result can be entered from the next day.`,
      { details: { juryDate: jury.date } },
    );
  }
  return null;
}
