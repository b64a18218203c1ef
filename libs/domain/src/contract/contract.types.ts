import type { LocalDate } from '../time/local-date.js';

export type ContractKind = 'VAE_INVERSEE' | 'ORDINARY';

/**
 * A contrat de professionnalisation (CDD) to check. `plannedEndDate` is the
 * last day worked, as written on the contract (01/09/2024 → 31/08/2025 is 12
 * months); `trialEndDate` is the last day of the trial period.
 */
export interface ContractInput {
  kind: ContractKind;
  birthDate: LocalDate;
  startDate: LocalDate;
  plannedEndDate: LocalDate;
  trialEndDate?: LocalDate;
  weeklyHours?: number;
  payPercentOfSmic?: number;
  /** RNCP level (0–8) of the highest qualification held; 0 = none. */
  qualificationLevel: number;
  /** A code of Regulation.contract.ordinary.priorityPublicCategories, or another category. */
  publicCategory?: string;
  branchAgreementAllows24Months?: boolean;
  /** OPCO funding for one year of contract (the whole contract if shorter), VAE inversée. */
  annualFundingEur?: number;
  /** Theory hours planned (training module or AFEST), ordinary contracts. */
  theoryHours?: number;
  /** A branch agreement may raise the theory share above 25 % (L6325-14). */
  branchAgreementAllowsMoreTheory?: boolean;
  /** Branch minimum for the job, monthly gross: from 26 the pay must reach 85 % of it. */
  branchMinimumMonthlyGrossEur?: number;
}
