import type { Regulation } from '../regulation/regulation.types.js';
import { ruleViolation, type RuleViolation, type RuleWarning } from '../regulation/rule.types.js';
import { addMonths, compareDates, frenchDate, isValidLocalDate, type LocalDate } from '../time/local-date.js';

export interface JuryDateInput {
  date: LocalDate;
  /** parisDate(now). */
  today: LocalDate;
  /** Actual or planned end of the contract, when there is one. */
  contractEnd?: LocalDate | null;
}

/**
 * A jury date must be after today and at most 24 months ahead. A jury after
 * the contract's end is allowed (the candidate may still pass) but flagged.
 */
export function checkJuryDate(input: JuryDateInput, regulation: Regulation): { violation: RuleViolation | null; warnings: RuleWarning[] } {
  const { date, today, contractEnd } = input;
  if (!isValidLocalDate(date)) {
    return {
      violation: ruleViolation('JURY_DATE_INVALID', 'La date du jury n’est pas une date valide.', 'The jury date is not a valid date.', { path: 'date' }),
      warnings: [],
    };
  }
  if (compareDates(date, today) <= 0) {
    return {
      violation: ruleViolation(
        'JURY_DATE_NOT_FUTURE',
        'Le jury ne peut pas être fixé à une date passée ni à aujourd’hui : indiquez une date à venir.',
        'The jury must be set on a future date (after today).',
        { path: 'date', details: { today } },
      ),
      warnings: [],
    };
  }
  const latest = addMonths(today, regulation.jury.maxMonthsAhead);
  if (compareDates(date, latest) > 0) {
    return {
      violation: ruleViolation(
        'JURY_DATE_TOO_FAR',
        `Le jury ne peut pas être fixé plus de ${regulation.jury.maxMonthsAhead} mois à l’avance (au plus tard le ${frenchDate(latest)}).`,
        `The jury cannot be set more than ${regulation.jury.maxMonthsAhead} months ahead (latest ${latest}).`,
        { path: 'date', details: { latestDate: latest } },
      ),
      warnings: [],
    };
  }
  const warnings: RuleWarning[] = [];
  if (contractEnd && compareDates(date, contractEnd) > 0) {
    warnings.push(
      ruleViolation(
        'JURY_AFTER_CONTRACT_END',
        `Le jury aura lieu après la fin du contrat (${frenchDate(contractEnd)}) : vérifiez que le candidat pourra s’y présenter, ou envisagez un avenant de prolongation.`,
        `The jury is after the contract ends (${contractEnd}).`,
        { path: 'date', details: { contractEnd } },
      ),
    );
  }
  return { violation: null, warnings };
}

/**
 * A result is entered once the jury date has passed (DESIGN.md §4), i.e. from
 * the day after: the certifier's minutes are never final on the day itself.
 */
export function hasJuryDatePassed(juryDate: LocalDate, today: LocalDate): boolean {
  return compareDates(juryDate, today) < 0;
}
