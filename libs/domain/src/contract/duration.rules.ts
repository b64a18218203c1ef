import type { Regulation } from '../regulation/regulation.types.js';
import { addDays, addMonths, compareDates, diffInDays, monthsBetween, type LocalDate } from '../time/local-date.js';
import type { ContractKind } from './contract.types.js';

/*
 * A contract runs from its start to its planned end, both days included: its
 * length in months is measured to the day after the end.
 */

/** Days covered, both ends included. */
export function contractDays(startDate: LocalDate, plannedEndDate: LocalDate): number {
  return diffInDays(startDate, plannedEndDate) + 1;
}

/** Whole months covered (01/09/2024 → 31/08/2027 is 36). */
export function contractMonths(startDate: LocalDate, plannedEndDate: LocalDate): number {
  return monthsBetween(startDate, addDays(plannedEndDate, 1));
}

/** True when the contract lasts longer than `months` calendar months. */
export function lastsLongerThan(startDate: LocalDate, plannedEndDate: LocalDate, months: number): boolean {
  return compareDates(addDays(plannedEndDate, 1), addMonths(startDate, months)) > 0;
}

/** True when the contract lasts less than `months` calendar months. */
export function lastsLessThan(startDate: LocalDate, plannedEndDate: LocalDate, months: number): boolean {
  return compareDates(addDays(plannedEndDate, 1), addMonths(startDate, months)) < 0;
}

/** The last day a contract of `months` months starting on `startDate` may run to. */
export function latestEndDate(startDate: LocalDate, months: number): LocalDate {
  return addDays(addMonths(startDate, months), -1);
}

export interface DurationContext {
  kind: ContractKind;
  publicCategory?: string;
  branchAgreementAllows24Months?: boolean;
}

/** Longest contract allowed: VAE inversée; else priority public, branch agreement, or the default. */
export function maximumContractMonths(context: DurationContext, regulation: Regulation): number {
  if (context.kind === 'VAE_INVERSEE') return regulation.contract.vaeInversee.maxMonths;
  const ordinary = regulation.contract.ordinary;
  if (context.publicCategory !== undefined && ordinary.priorityPublicCategories.includes(context.publicCategory)) {
    return ordinary.maxMonthsForPriorityPublic;
  }
  return context.branchAgreementAllows24Months ? ordinary.maxMonthsByBranchAgreement : ordinary.maxMonths;
}

/** Shortest contract allowed; VAE inversée has none. */
export function minimumContractMonths(kind: ContractKind, regulation: Regulation): number | null {
  return kind === 'VAE_INVERSEE' ? null : regulation.contract.ordinary.minMonths;
}
