import type { LocalDate } from '../time/local-date.js';

/** The SMIC monthly gross amount (35 h a week) from a date. */
export interface SmicRate {
  effectiveFrom: LocalDate;
  monthlyGrossEur: number;
}

/** Minimum pay from an age, as a % of the SMIC. */
export interface PayBracket {
  fromAge: number;
  percentOfSmic: number;
  /** The rate when the person already holds a qualification of `higherRateFromQualificationLevel`. */
  percentOfSmicIfQualified: number;
}

/**
 * Every number the rules use (DESIGN.md §2). Rules take a Regulation
 * argument and never hold a literal, so a change in the law is a change of
 * data, and tests can run on other values.
 */
export interface Regulation {
  contract: {
    minimumAge: number;
    vaeInversee: { maxMonths: number };
    ordinary: {
      minMonths: number;
      maxMonths: number;
      maxMonthsByBranchAgreement: number;
      maxMonthsForPriorityPublic: number;
      /** Codes of the public categories allowed the longest contract. */
      priorityPublicCategories: readonly string[];
      theory: { minSharePercent: number; maxSharePercent: number; minHours: number };
    };
  };
  trialPeriod: {
    daysPerWeekOfContract: number;
    /** Contracts of at most this many months get the short cap. */
    shortContractMaxMonths: number;
    shortContractMaxDays: number;
    longContractMaxMonths: number;
  };
  pay: {
    /** Sorted by fromAge; the first one starts at 0. */
    brackets: readonly PayBracket[];
    /** RNCP level from which the higher rate applies (4 = bac pro). */
    higherRateFromQualificationLevel: number;
    /** From the last bracket: at least this % of the branch minimum too. */
    branchMinimumPercent: number;
  };
  /** Sorted by effectiveFrom. */
  smic: readonly SmicRate[];
  tutor: {
    maxAlternants: number;
    maxAlternantsIfEmployer: number;
    geiqCoordinatorExempt: boolean;
  };
  opco: { filingDays: number; decisionDays: number };
  funding: { vaeInverseeCapPerYearEur: number; daysPerYear: number };
  admissibility: {
    decisionMonths: number;
    maxRequestsPerCertificationPerYear: number;
    maxCertificationsPerYear: number;
    /** Document kinds that must be on file to request recevabilité (livret 1). */
    requiredDocumentKinds: readonly string[];
  };
  jury: { maxMonthsAhead: number };
}
