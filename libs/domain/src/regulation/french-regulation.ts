import type { Regulation } from './regulation.types.js';

/**
 * French law as of 2026 (Légifrance; article ranges where a rule spans
 * several articles):
 * - contrat de professionnalisation, Code du travail: L6325-1 (from 16) and
 *   L6325-1-1 (priority publics); L6325-11 and L6325-12 (length: 6–12
 *   months, 24 by branch agreement, 36 for priority publics); L6325-13 and
 *   L6325-14 (theory: 15–25 %, at least 150 h); D6325-14 to D6325-18 (pay as
 *   a % of SMIC, change on the 1st of the month after the birthday, 85 % of
 *   the branch minimum from 26); D6325-6 to D6325-10 (tutor: 3 alternants,
 *   2 when the tutor is the employer); D6325-1 and D6325-2 (OPCO: filing
 *   within 5 days of the start, decision within 20 days, silence = accepted);
 * - trial period of a CDD: L1242-10 (1 day a week, at most 2 weeks if the
 *   contract lasts ≤ 6 months, 1 month otherwise);
 * - VAE inversée: loi 2022-1598 art. 11 and décret 2023-408 (contract up to
 *   36 months with no minimum, OPCO funding at most 9 000 EUR a year,
 *   pro-rated);
 * - recevabilité: L6412-2 and its R6412-* decree (2 months to decide,
 *   silence = admissible; 1 request per certification and at most 3
 *   certifications per calendar year, blocs not counted);
 * - jury: at most 2 years ahead (DESIGN.md §2);
 * - SMIC: the yearly décrets de revalorisation (monthly = hourly × 151.67 h).
 */
export const FRENCH_REGULATION: Regulation = {
  contract: {
    minimumAge: 16,
    vaeInversee: { maxMonths: 36 },
    ordinary: {
      minMonths: 6,
      maxMonths: 12,
      maxMonthsByBranchAgreement: 24,
      maxMonthsForPriorityPublic: 36,
      priorityPublicCategories: [
        'YOUNG_UNQUALIFIED_16_25', // 16–25 without a level-4 qualification
        'JOB_SEEKER_LONG_TERM', // registered job seeker for more than a year
        'RSA', // revenu de solidarité active
        'ASS', // allocation de solidarité spécifique
        'AAH', // allocation aux adultes handicapés
        'FORMER_CUI', // previously on a contrat unique d'insertion
      ],
      theory: { minSharePercent: 15, maxSharePercent: 25, minHours: 150 },
    },
  },
  trialPeriod: { daysPerWeekOfContract: 1, shortContractMaxMonths: 6, shortContractMaxDays: 14, longContractMaxMonths: 1 },
  pay: {
    brackets: [
      { fromAge: 0, percentOfSmic: 55, percentOfSmicIfQualified: 65 },
      { fromAge: 21, percentOfSmic: 70, percentOfSmicIfQualified: 80 },
      { fromAge: 26, percentOfSmic: 100, percentOfSmicIfQualified: 100 },
    ],
    higherRateFromQualificationLevel: 4,
    branchMinimumPercent: 85,
  },
  smic: [
    { effectiveFrom: '2023-01-01', monthlyGrossEur: 1709.28 }, // 11.27 EUR/h
    { effectiveFrom: '2023-05-01', monthlyGrossEur: 1747.2 }, // 11.52 EUR/h
    { effectiveFrom: '2024-01-01', monthlyGrossEur: 1766.92 }, // 11.65 EUR/h
    { effectiveFrom: '2024-11-01', monthlyGrossEur: 1801.8 }, // 11.88 EUR/h; unchanged on 2025-01-01
    { effectiveFrom: '2026-01-01', monthlyGrossEur: 1823.03 }, // 12.02 EUR/h (+1.18 %)
    // Later revaluations: add a row here when the décret is published.
  ],
  tutor: { maxAlternants: 3, maxAlternantsIfEmployer: 2, geiqCoordinatorExempt: true },
  opco: { filingDays: 5, decisionDays: 20 },
  funding: { vaeInverseeCapPerYearEur: 9000, daysPerYear: 365 },
  admissibility: {
    decisionMonths: 2,
    maxRequestsPerCertificationPerYear: 1,
    maxCertificationsPerYear: 3,
    requiredDocumentKinds: ['ADMISSIBILITY_FORM'], // livret 1 (Cerfa 12818)
  },
  jury: { maxMonthsAhead: 24 },
};
