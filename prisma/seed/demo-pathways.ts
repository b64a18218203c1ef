/**
 * The 25 demo pathways, as a table: who, on which certification, placed with
 * whom, and what happened, in order, with dates relative to the seed's day.
 * demo-cases.ts plays each row through the API, so every rule applies.
 *
 * Tutor load (at most 3 alternants at once, DESIGN.md §2): each company tutor
 * has three "lanes"; a pathway holds a lane from its contract's start to its
 * end (or the withdrawal), and the next pathway in the lane starts after. The
 * "lane" comments show it; today every tutor follows exactly three alternants.
 */
import type { PathwayStateValue, TransitionInput } from '@jalon/contracts';
import { ago, ahead, type Offset } from './dates.js';
import type { CandidateKey, CertificationKey, CohortKey, EmployerKey, StaffKey, TutorKey } from './demo-data.js';

export interface ContractPlan {
  start: Offset;
  /** Planned length; the contract ends the day before start + months. */
  months: number;
  employer: EmployerKey;
  tutor: TutorKey;
  /** Default: the legal minimum for the candidate's age and qualification on the start day. */
  payPercentOfSmic?: number;
  /** Days after the start the contract was filed with the OPCO (default 3); null: not filed yet. */
  opcoFiledAfterDays?: number | null;
  opcoDecision?: 'PENDING' | 'ACCEPTED' | 'ACCEPTED_IMPLICIT';
}

type Decision = Extract<TransitionInput, { action: 'recordAdmissibility' }>['decision'];
type JuryResult = Extract<TransitionInput, { action: 'recordJuryResult' }>['result'];
type ExitOutcome = Extract<TransitionInput, { action: 'close' }>['exitOutcome'];

/** What happened after the start, in order. Dates are the days it happened (or, for a jury, its date). */
export type Step =
  | { do: 'submitAdmissibility'; on: Offset; complete: boolean }
  | { do: 'recordAdmissibility'; decision: Decision; on: Offset }
  | { do: 'submitDossier'; on: Offset }
  | { do: 'returnDossier'; on: Offset; reason: string }
  | { do: 'scheduleJury'; on: Offset }
  | { do: 'recordJuryResult'; result: JuryResult; blocs?: string[] }
  | { do: 'resume' }
  | { do: 'close'; exitOutcome: ExitOutcome }
  | { do: 'withdraw'; on: Offset; reason: string; inTrial?: boolean };

export interface PathwayScenario {
  /** For logs: the state it ends in, and a number. */
  label: string;
  candidate: CandidateKey;
  certification: CertificationKey;
  /** Some blocs only (the others held already); default the full certification. */
  targetBlocCodes?: string[];
  cohort?: CohortKey;
  referent?: StaffKey;
  contract?: ContractPlan;
  steps: Step[];
  expected: PathwayStateValue;
}

// Shorthands for the table.
const request = (on: Offset, complete = true): Step => ({ do: 'submitAdmissibility', on, complete });
const decision = (value: Decision, on: Offset): Step => ({ do: 'recordAdmissibility', decision: value, on });
/** Recevabilité requested (file complete the same day) and granted. */
const admissible = (requested: Offset, granted: Offset): Step[] => [request(requested), decision('ADMISSIBLE', granted)];
const dossier = (on: Offset): Step => ({ do: 'submitDossier', on });
const jury = (on: Offset): Step => ({ do: 'scheduleJury', on });
const result = (value: JuryResult, blocs?: string[]): Step => ({ do: 'recordJuryResult', result: value, ...(blocs ? { blocs } : {}) });
const close = (exitOutcome: ExitOutcome): Step => ({ do: 'close', exitOutcome });

export const PATHWAY_SCENARIOS: PathwayScenario[] = [
  // --- Usinage Garonne Précision, tutor Sébastien Roux ------------------------
  // lane 1: CLOSED-1, then JURY_SCHEDULED-1
  {
    label: 'CLOSED-1',
    candidate: 'aurelien',
    certification: 'cqpmMocn',
    contract: { start: ago(31, 18), months: 12, employer: 'garonne', tutor: 'roux' },
    steps: [...admissible(ago(26, 9), ago(25, 2)), dossier(ago(23, 14)), jury(ago(21, 6)), result('FULL'), close('CERTIFIED')],
    expected: 'CLOSED',
  },
  {
    label: 'JURY_SCHEDULED-1',
    candidate: 'helene',
    certification: 'cqpmMocn',
    cohort: 'usinage',
    contract: { start: ago(14), months: 18, employer: 'garonne', tutor: 'roux' },
    steps: [...admissible(ago(8, 4), ago(6, 19)), dossier(ago(3, 11)), jury(ahead(1, 10))],
    expected: 'JURY_SCHEDULED',
  },
  // lane 2: CLOSED-2, then DOSSIER_SUBMITTED-1
  {
    label: 'CLOSED-2',
    candidate: 'sofiane',
    certification: 'bacProUsinage',
    contract: { start: ago(30, 12), months: 12, employer: 'garonne', tutor: 'roux' },
    steps: [...admissible(ago(25, 3), ago(23, 21)), dossier(ago(21, 8)), jury(ago(19, 15)), result('PARTIAL', ['BC01', 'BC02', 'BC03', 'BC05']), close('PARTIALLY_CERTIFIED')],
    expected: 'CLOSED',
  },
  {
    label: 'DOSSIER_SUBMITTED-1',
    candidate: 'yanis',
    certification: 'cqpmMocn',
    cohort: 'usinage',
    contract: { start: ago(14), months: 18, employer: 'garonne', tutor: 'roux' },
    steps: [...admissible(ago(7, 16), ago(6, 8)), dossier(ago(0, 20))],
    expected: 'DOSSIER_SUBMITTED',
  },
  // lane 3: CERTIFIED-1 (contract ended, jury two months later), then EXPERIENCE-1
  {
    label: 'CERTIFIED-1',
    candidate: 'loic',
    certification: 'bacProUsinage',
    contract: { start: ago(19, 6), months: 14, employer: 'garonne', tutor: 'roux', payPercentOfSmic: 80 },
    steps: [...admissible(ago(12, 17), ago(11, 9)), dossier(ago(6, 22)), jury(ago(3, 4)), result('FULL')],
    expected: 'CERTIFIED',
  },
  {
    label: 'EXPERIENCE-1',
    candidate: 'theo',
    certification: 'cqpmMocn',
    contract: { start: ago(4, 8), months: 18, employer: 'garonne', tutor: 'roux' },
    // Asked too early: the certifier wants more practice on production before a new request (next year).
    steps: [request(ago(2, 13)), decision('NOT_ADMISSIBLE', ago(0, 10))],
    expected: 'EXPERIENCE',
  },

  // --- Usinage Garonne Précision, tutor Nadia Belkacem ------------------------
  // lane 1: WITHDRAWN-1, then DOSSIER-1
  {
    label: 'WITHDRAWN-1',
    candidate: 'jade',
    certification: 'cqpmMocn',
    cohort: 'usinage',
    contract: { start: ago(14), months: 18, employer: 'garonne', tutor: 'belkacem' },
    steps: [{ do: 'withdraw', on: ago(12, 9), reason: 'Démission : reprise d’études en BTS à la rentrée' }],
    expected: 'WITHDRAWN',
  },
  {
    label: 'DOSSIER-1',
    candidate: 'raphael',
    certification: 'bacProUsinage',
    contract: { start: ago(11, 15), months: 24, employer: 'garonne', tutor: 'belkacem' },
    // Partial validation, then a second attempt at the blocs still missing.
    steps: [...admissible(ago(8, 6), ago(7, 2)), dossier(ago(4, 12)), jury(ago(2, 3)), result('PARTIAL', ['BC01', 'BC02', 'BC05']), { do: 'resume' }],
    expected: 'DOSSIER',
  },
  // lane 2: CLOSED-3, then JURY_SCHEDULED-2
  {
    label: 'CLOSED-3',
    candidate: 'kevin',
    certification: 'cqpmMocn',
    contract: { start: ago(29, 3), months: 12, employer: 'garonne', tutor: 'belkacem' },
    // Not certified, but hired by the company at the end of the contract.
    steps: [...admissible(ago(24, 10), ago(23, 2)), dossier(ago(20, 17)), jury(ago(18, 8)), result('REFUSED'), close('EMPLOYED')],
    expected: 'CLOSED',
  },
  {
    label: 'JURY_SCHEDULED-2',
    candidate: 'ines',
    certification: 'cqpmMocn',
    cohort: 'usinage',
    contract: { start: ago(14), months: 18, employer: 'garonne', tutor: 'belkacem' },
    // Absent at the first jury (sick leave): a new date was set.
    steps: [...admissible(ago(8, 20), ago(7, 13)), dossier(ago(4, 5)), jury(ago(1, 2)), result('ABSENT'), jury(ahead(2, 4))],
    expected: 'JURY_SCHEDULED',
  },
  // lane 3: DOSSIER_SUBMITTED-2
  {
    label: 'DOSSIER_SUBMITTED-2',
    candidate: 'benoit',
    certification: 'cqpmMocn',
    cohort: 'usinage',
    contract: { start: ago(14), months: 18, employer: 'garonne', tutor: 'belkacem' },
    steps: [
      ...admissible(ago(7, 9), ago(6, 1)),
      dossier(ago(3, 14)),
      { do: 'returnDossier', on: ago(2, 6), reason: 'Preuves insuffisantes pour le bloc BC02 : joindre des fiches de suivi de production signées par le tuteur.' },
      dossier(ago(0, 27)),
    ],
    expected: 'DOSSIER_SUBMITTED',
  },

  // --- Ateliers Métalliques du Tarn, tutor Jean-Marc Delmas -------------------
  // lane 1: CLOSED-4, then DOSSIER-2
  {
    label: 'CLOSED-4',
    candidate: 'gael',
    certification: 'tpSoudeur',
    contract: { start: ago(28, 9), months: 12, employer: 'tarn', tutor: 'delmas' },
    steps: [...admissible(ago(22, 14), ago(21, 3)), dossier(ago(19, 11)), jury(ago(17, 18)), result('FULL'), close('CERTIFIED')],
    expected: 'CLOSED',
  },
  {
    label: 'DOSSIER-2',
    candidate: 'maelle',
    certification: 'tpSoudeur',
    contract: { start: ago(10, 4), months: 18, employer: 'tarn', tutor: 'delmas' },
    // No answer from the certifier within two months of the complete file: implicit recevabilité.
    steps: [request(ago(6, 12)), decision('ADMISSIBLE_IMPLICIT', ago(3, 2))],
    expected: 'DOSSIER',
  },
  // lane 2: NOT_CERTIFIED-1, then EXPERIENCE-2
  {
    label: 'NOT_CERTIFIED-1',
    candidate: 'jeremy',
    certification: 'tpSoudeur',
    contract: { start: ago(20, 11), months: 16, employer: 'tarn', tutor: 'delmas', opcoFiledAfterDays: 8 },
    steps: [...admissible(ago(12, 5), ago(10, 24)), dossier(ago(6, 2)), jury(ago(2, 15)), result('REFUSED')],
    expected: 'NOT_CERTIFIED',
  },
  {
    label: 'EXPERIENCE-2',
    candidate: 'anais',
    certification: 'tpSoudeur',
    contract: { start: ago(3, 6), months: 18, employer: 'tarn', tutor: 'delmas', opcoDecision: 'ACCEPTED_IMPLICIT' },
    steps: [],
    expected: 'EXPERIENCE',
  },
  // lane 3: PARTIALLY_CERTIFIED-1 (contract still running), then CERTIFICATION_CHOSEN-1 (starts next month)
  {
    label: 'PARTIALLY_CERTIFIED-1',
    candidate: 'noe',
    certification: 'tpSoudeur',
    contract: { start: ago(17, 2), months: 18, employer: 'tarn', tutor: 'delmas' },
    steps: [...admissible(ago(11, 7), ago(9, 26)), dossier(ago(5, 9)), jury(ago(2, 8)), result('PARTIAL', ['CCP1'])],
    expected: 'PARTIALLY_CERTIFIED',
  },
  {
    label: 'CERTIFICATION_CHOSEN-1',
    candidate: 'oceane',
    certification: 'tpSoudeur',
    contract: { start: ahead(1, 10), months: 18, employer: 'tarn', tutor: 'delmas', opcoFiledAfterDays: null, opcoDecision: 'PENDING' },
    steps: [],
    expected: 'CERTIFICATION_CHOSEN',
  },

  // --- Quercy Plasturgie Technique, tutor Sandrine Pujol ----------------------
  // lane 1: CERTIFIED-2, then WITHDRAWN-2 (in trial), then ADMISSIBILITY_PENDING-2
  {
    label: 'CERTIFIED-2',
    candidate: 'elodie',
    certification: 'capConducteur',
    // Holds a CAP already: exempt from the general blocs.
    targetBlocCodes: ['BC01', 'BC02'],
    referent: 'admin',
    contract: { start: ago(18, 3), months: 12, employer: 'quercy', tutor: 'pujol' },
    steps: [...admissible(ago(12, 8), ago(11, 1)), dossier(ago(8, 16)), jury(ago(5, 10)), result('FULL')],
    expected: 'CERTIFIED',
  },
  {
    label: 'WITHDRAWN-2',
    candidate: 'zoe',
    certification: 'capConducteur',
    cohort: 'conduite',
    referent: 'admin',
    contract: { start: ago(5), months: 18, employer: 'quercy', tutor: 'pujol' },
    steps: [{ do: 'withdraw', on: ago(4, 16), reason: 'Rupture pendant la période d’essai à l’initiative de la salariée (horaires en équipes incompatibles)', inTrial: true }],
    expected: 'WITHDRAWN',
  },
  {
    label: 'ADMISSIBILITY_PENDING-2',
    candidate: 'chloe',
    certification: 'tpAgentFabrication',
    referent: 'admin',
    contract: { start: ago(4, 2), months: 12, employer: 'quercy', tutor: 'pujol' },
    steps: [request(ago(0, 20))],
    expected: 'ADMISSIBILITY_PENDING',
  },
  // lane 2: PARTIALLY_CERTIFIED-2, then ADMISSIBILITY_PENDING-1
  {
    label: 'PARTIALLY_CERTIFIED-2',
    candidate: 'matheo',
    certification: 'tpAgentFabrication',
    referent: 'admin',
    contract: { start: ago(17, 8), months: 11, employer: 'quercy', tutor: 'pujol' },
    steps: [...admissible(ago(11, 12), ago(10, 5)), dossier(ago(7, 3)), jury(ago(3, 9)), result('PARTIAL', ['CCP1'])],
    expected: 'PARTIALLY_CERTIFIED',
  },
  {
    label: 'ADMISSIBILITY_PENDING-1',
    candidate: 'manon',
    certification: 'capConducteur',
    targetBlocCodes: ['BC01', 'BC02'],
    cohort: 'conduite',
    referent: 'admin',
    contract: { start: ago(5), months: 18, employer: 'quercy', tutor: 'pujol' },
    // The certifier found the file incomplete (employer certificates missing).
    steps: [request(ago(1, 15), false), decision('INCOMPLETE', ago(0, 25))],
    expected: 'ADMISSIBILITY_PENDING',
  },
  // lane 3: NOT_CERTIFIED-2, then DOSSIER-3
  {
    label: 'NOT_CERTIFIED-2',
    candidate: 'christophe',
    certification: 'capConducteur',
    referent: 'admin',
    contract: { start: ago(19, 1), months: 13, employer: 'quercy', tutor: 'pujol' },
    steps: [...admissible(ago(13, 4), ago(11, 20)), dossier(ago(8, 9)), jury(ago(4, 6)), result('REFUSED')],
    expected: 'NOT_CERTIFIED',
  },
  {
    label: 'DOSSIER-3',
    candidate: 'lucas',
    certification: 'capConducteur',
    cohort: 'conduite',
    referent: 'admin',
    contract: { start: ago(5), months: 24, employer: 'quercy', tutor: 'pujol' },
    steps: admissible(ago(3, 14), ago(2, 5)),
    expected: 'DOSSIER',
  },

  // --- Not placed yet --------------------------------------------------------
  {
    label: 'CERTIFICATION_CHOSEN-2',
    candidate: 'camille',
    certification: 'cqpmMocn',
    steps: [],
    expected: 'CERTIFICATION_CHOSEN',
  },
];
