import type { Regulation } from '../regulation/regulation.types.js';
import { ruleViolation, type RuleViolation } from '../regulation/rule.types.js';
import { addMonths, compareDates, type LocalDate } from '../time/local-date.js';

/** A recevabilité request already made this calendar year by the candidate. */
export interface AdmissibilityRequestRecord {
  certificationId: string;
  blocsOnly: boolean;
}

export interface AdmissibilityQuotaInput {
  certificationId: string;
  blocsOnly: boolean;
  year: number;
  /** The candidate's requests of `year`, on every pathway. */
  requestsThisYear: readonly AdmissibilityRequestRecord[];
}

/**
 * Yearly quota of recevabilité requests (L6412-2): one per certification and
 * at most three certifications per calendar year. Requests for blocs only are
 * neither limited nor counted.
 */
export function checkAdmissibilityQuota(input: AdmissibilityQuotaInput, regulation: Regulation): RuleViolation | null {
  if (input.blocsOnly) return null;
  const { maxRequestsPerCertificationPerYear: perCertification, maxCertificationsPerYear: certifications } = regulation.admissibility;
  const counted = input.requestsThisYear.filter((request) => !request.blocsOnly);
  const forThisCertification = counted.filter((request) => request.certificationId === input.certificationId).length;
  if (forThisCertification >= perCertification) {
    return ruleViolation(
      'ADMISSIBILITY_QUOTA_CERTIFICATION',
      `Une demande de recevabilité a déjà été déposée pour cette certification en ${input.year} : une seule demande par certification et par année civile est possible.`,
      `A recevabilité request was already made for this certification in ${input.year}: only ${perCertification} per certification per calendar year.`,
      { details: { year: input.year, max: perCertification } },
    );
  }
  const distinct = new Set(counted.map((request) => request.certificationId)).size;
  if (distinct >= certifications) {
    return ruleViolation(
      'ADMISSIBILITY_QUOTA_YEAR',
      `Le candidat a déjà demandé la recevabilité pour ${distinct} certifications en ${input.year} : c’est le maximum par année civile (hors demandes par blocs).`,
      `The candidate already requested recevabilité for ${distinct} certifications in ${input.year}: the yearly maximum is ${certifications} (blocs not counted).`,
      { details: { year: input.year, max: certifications, certifications: distinct } },
    );
  }
  return null;
}

/**
 * The day the certifier's silence becomes an implicit admissibility: the file
 * was complete on `completeOn`, and the decision delay (2 months) has run.
 */
export function implicitAdmissibilityDate(completeOn: LocalDate, regulation: Regulation): LocalDate {
  return addMonths(completeOn, regulation.admissibility.decisionMonths);
}

/** Last day a positive recevabilité is valid (the certification sets the months). */
export function admissibilityValidUntil(decisionOn: LocalDate, validityMonths: number): LocalDate {
  return addMonths(decisionOn, validityMonths);
}

/** True while the recevabilité is still valid on `on` (validUntil included). */
export function isAdmissibilityValidOn(validUntil: LocalDate, on: LocalDate): boolean {
  return compareDates(on, validUntil) <= 0;
}
