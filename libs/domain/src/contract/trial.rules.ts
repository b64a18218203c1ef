import type { Regulation } from '../regulation/regulation.types.js';
import { addDays, addMonths, diffInDays, type LocalDate } from '../time/local-date.js';
import { contractDays, lastsLongerThan } from './duration.rules.js';

/**
 * Longest trial period of the CDD, in calendar days: one day per whole week
 * of contract, capped at 14 days for a contract of at most 6 months, at one
 * calendar month from the start otherwise.
 */
export function maximumTrialDays(startDate: LocalDate, plannedEndDate: LocalDate, regulation: Regulation): number {
  const trial = regulation.trialPeriod;
  const byWeeks = Math.floor(contractDays(startDate, plannedEndDate) / 7) * trial.daysPerWeekOfContract;
  const cap = lastsLongerThan(startDate, plannedEndDate, trial.shortContractMaxMonths)
    ? diffInDays(startDate, addMonths(startDate, trial.longContractMaxMonths))
    : trial.shortContractMaxDays;
  return Math.max(0, Math.min(byWeeks, cap));
}

/** Last day the trial period may run to (null when the contract is too short for one). */
export function latestTrialEndDate(startDate: LocalDate, plannedEndDate: LocalDate, regulation: Regulation): LocalDate | null {
  const days = maximumTrialDays(startDate, plannedEndDate, regulation);
  return days === 0 ? null : addDays(startDate, days - 1);
}
