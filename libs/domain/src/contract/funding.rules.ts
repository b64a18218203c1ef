import type { Regulation } from '../regulation/regulation.types.js';
import { addDays, addYears, diffInDays, minDate, type LocalDate } from '../time/local-date.js';
import { contractMonths } from './duration.rules.js';

function roundToCent(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/**
 * Ceiling of the OPCO funding of a VAE inversée contract, in euros: the yearly
 * cap for each whole year, pro-rated by days for the rest (6 months ≈ 4 488).
 * Whole years count as such so that a leap day never raises the cap.
 */
export function fundingCap(startDate: LocalDate, plannedEndDate: LocalDate, regulation: Regulation): number {
  const { vaeInverseeCapPerYearEur: perYear, daysPerYear } = regulation.funding;
  if (diffInDays(startDate, plannedEndDate) < 0) return 0;
  const wholeYears = Math.floor(contractMonths(startDate, plannedEndDate) / 12);
  const restDays = diffInDays(addYears(startDate, wholeYears), addDays(plannedEndDate, 1));
  return roundToCent(wholeYears * perYear + Math.min(perYear, (perYear * restDays) / daysPerYear));
}

/** Ceiling for one year of the contract: the yearly cap, pro-rated when the contract is shorter. */
export function annualFundingCap(startDate: LocalDate, plannedEndDate: LocalDate, regulation: Regulation): number {
  const firstYearEnd = minDate(plannedEndDate, addDays(addYears(startDate, 1), -1));
  return fundingCap(startDate, firstYearEnd, regulation);
}
