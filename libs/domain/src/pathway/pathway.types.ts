import type { RuleViolation, RuleWarning } from '../regulation/rule.types.js';
import type { LocalDate } from '../time/local-date.js';
import type { AdmissibilityDecision, ExitOutcome, JuryResult } from './pathway.actions.js';
import type { PathwayState } from './pathway.states.js';

/** What the guards read: the service loads it, the machine never queries anything. */
export interface PathwaySnapshot {
  state: PathwayState;
  certification: { id: string; blocCodes: string[]; admissibilityValidityMonths: number };
  /** null = the full certification; else the target blocs. */
  targetBlocCodes: string[] | null;
  /** The current contract (the renewal when there is one). */
  contract: { startDate: LocalDate; plannedEndDate: LocalDate; opcoFiledOn: LocalDate | null; endedOn: LocalDate | null } | null;
  hasCurrentPlacementWithTutor: boolean;
  /** Kinds of the documents on file, e.g. 'ADMISSIBILITY_FORM' (livret 1), 'ID', 'CV'. */
  documentKinds: string[];
  /**
   * Recevabilité requests already made by this candidate (all pathways) in the
   * calendar year of the request being made: the current year for
   * availableActions, the year of `submittedOn` for submitAdmissibility.
   */
  admissibilityRequestsThisYear: { certificationId: string; blocsOnly: boolean }[];
  activeAdmissibility: {
    submittedOn: LocalDate;
    completeOn: LocalDate | null;
    decision: AdmissibilityDecision | null;
    validUntil: LocalDate | null;
  } | null;
  activeJury: { date: LocalDate } | null;
  acquiredBlocCodes: string[];
}

/**
 * What to write, one event per accepted action. The service persists them as
 * versioned rows (a new Admissibility / ValidationDossier / JurySession per
 * attempt, the previous one made inactive).
 */
export type PathwayEvent =
  | { type: 'PathwayStarted'; on: LocalDate }
  | { type: 'AdmissibilitySubmitted'; certificationId: string; blocsOnly: boolean; submittedOn: LocalDate; completeOn: LocalDate | null }
  | {
      type: 'AdmissibilityDecided';
      decision: AdmissibilityDecision;
      /** The day entered; for an implicit decision, the day it is recorded. */
      decidedOn: LocalDate;
      implicit: boolean;
      /** null for INCOMPLETE: the file is to be completed again. */
      completeOn: LocalDate | null;
      /** Set for ADMISSIBLE and ADMISSIBLE_IMPLICIT only. */
      validUntil: LocalDate | null;
    }
  | { type: 'DossierSubmitted'; submittedOn: LocalDate }
  | { type: 'DossierReturned'; returnedOn: LocalDate; reason: string }
  | { type: 'JuryScheduled'; date: LocalDate; place: string | null }
  | { type: 'JuryRescheduled'; previousDate: LocalDate | null; date: LocalDate; place: string | null }
  | {
      type: 'JuryResultRecorded';
      result: JuryResult;
      juryDate: LocalDate;
      /** Blocs this jury validated (one BlocResult each). */
      validatedBlocCodes: string[];
      /** Every bloc acquired on the pathway so far: the previous ones plus these, kept for life. */
      acquiredBlocCodes: string[];
    }
  | { type: 'AttemptResumed'; on: LocalDate }
  | { type: 'PathwayClosed'; exitOutcome: ExitOutcome; closedOn: LocalDate }
  | { type: 'PathwayWithdrawn'; reason: string; date: LocalDate; inTrial: boolean };

export type TransitionResult =
  | { ok: true; from: PathwayState; to: PathwayState; events: PathwayEvent[]; warnings: RuleWarning[] }
  | { ok: false; violation: RuleViolation };
