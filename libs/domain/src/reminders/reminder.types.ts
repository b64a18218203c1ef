import type { AdmissibilityDecision, JuryResult } from '../pathway/pathway.actions.js';
import type { PathwayState } from '../pathway/pathway.states.js';
import type { LocalDate } from '../time/local-date.js';

/** Reminders planned from a pathway's dates by planReminders (DESIGN.md §5). */
export const PLANNED_REMINDER_KINDS = [
  'OPCO_FILING_DUE',
  'OPCO_SILENCE',
  'TRIAL_ENDING',
  'PAY_BRACKET_CHANGE',
  'CONTRACT_ENDING',
  'AFEST_REFLECTION_DUE',
  'ADMISSIBILITY_CHECK',
  'ADMISSIBILITY_IMPLICIT',
  'ADMISSIBILITY_EXPIRING',
  'JURY_UPCOMING',
  'JURY_RESULT_MISSING',
] as const;

/**
 * Reminders found by periodic scans (no progress entry, no activity, the
 * Monday digest): they depend on what did *not* happen, so no transaction
 * plans them. Their thresholds live in ReminderSettings too.
 */
export const SCANNED_REMINDER_KINDS = ['TUTOR_SILENT', 'TUTOR_SILENT_ESCALATION', 'INACTIVE', 'WEEKLY_DIGEST'] as const;

export const REMINDER_KINDS = [...PLANNED_REMINDER_KINDS, ...SCANNED_REMINDER_KINDS] as const;

export type PlannedReminderKind = (typeof PLANNED_REMINDER_KINDS)[number];
export type ScannedReminderKind = (typeof SCANNED_REMINDER_KINDS)[number];
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * Who a reminder goes to, resolved by the sender for the pathway: its
 * referent coordinator, its current company tutor, the member company's
 * contacts, the candidate.
 */
export const REMINDER_RECIPIENTS = ['COORDINATOR', 'TUTOR', 'EMPLOYER', 'CANDIDATE'] as const;
export type Recipient = (typeof REMINDER_RECIPIENTS)[number];

/** The "To" column of DESIGN.md §5, for every kind. */
export const RECIPIENTS_BY_KIND: Readonly<Record<ReminderKind, readonly Recipient[]>> = {
  OPCO_FILING_DUE: ['COORDINATOR'],
  OPCO_SILENCE: ['COORDINATOR'],
  TRIAL_ENDING: ['COORDINATOR', 'EMPLOYER', 'TUTOR'],
  PAY_BRACKET_CHANGE: ['COORDINATOR'],
  CONTRACT_ENDING: ['COORDINATOR'],
  AFEST_REFLECTION_DUE: ['TUTOR'],
  ADMISSIBILITY_CHECK: ['COORDINATOR'],
  ADMISSIBILITY_IMPLICIT: ['COORDINATOR'],
  ADMISSIBILITY_EXPIRING: ['COORDINATOR'],
  JURY_UPCOMING: ['CANDIDATE', 'TUTOR', 'COORDINATOR'],
  JURY_RESULT_MISSING: ['COORDINATOR'],
  TUTOR_SILENT: ['TUTOR'],
  TUTOR_SILENT_ESCALATION: ['COORDINATOR'],
  INACTIVE: ['COORDINATOR'],
  WEEKLY_DIGEST: ['COORDINATOR'],
};

/**
 * One reminder a pathway should have. The caller stores it as a Reminder row
 * whose dedup key is unique per tenant.
 */
export interface PlannedReminder {
  kind: ReminderKind;
  /** The day it is due, in Paris. */
  dueOn: LocalDate;
  /** The instant it goes out: the settings' send time (08:00) in Paris on `dueOn`. */
  dueAt: Date;
  recipients: Recipient[];
  /**
   * `${pathwayId}:${kind}:${dueOn}`, or `${pathwayId}:${kind}:${qualifier}:${dueOn}`
   * for kinds planned more than once (the lead in days, the AFEST cycle id,
   * the pay bracket's age). Stable while the obligation and its day stay the
   * same; a date that moves gives a new key.
   */
  dedupKey: string;
  /** Ids, dates and numbers for the message and its links: never personal data. */
  data?: Record<string, unknown>;
}

/**
 * What planReminders reads: plain data the service loads for one pathway
 * (the active rows only). Every date is a Paris business day, YYYY-MM-DD.
 */
export interface ReminderSnapshot {
  pathwayId: string;
  state: PathwayState;
  /** The current contract (the renewal when there is one), or null before one is recorded. */
  contract: {
    startDate: LocalDate;
    /** Last day worked, as written on the contract. */
    plannedEndDate: LocalDate;
    /** Last day of the trial period; null when the contract has none. */
    trialEndDate: LocalDate | null;
    /** The day the contract was sent to the OPCO; null = not filed yet. */
    opcoFiledOn: LocalDate | null;
    /** null is read as PENDING. */
    opcoDecision: 'PENDING' | 'ACCEPTED' | 'ACCEPTED_IMPLICIT' | 'REFUSED' | null;
    /** The actual last day (early termination included); null while it runs to its planned end. */
    endedOn: LocalDate | null;
  } | null;
  candidate: { birthDate: LocalDate };
  /** The active recevabilité request (Admissibility row with isActive), or null. */
  activeAdmissibility: {
    /** The day the certifier's file was complete; null until it is (and again after INCOMPLETE). */
    completeOn: LocalDate | null;
    decision: AdmissibilityDecision | null;
    /** Last day a positive decision is valid. */
    validUntil: LocalDate | null;
  } | null;
  /** The active jury session, or null. */
  activeJury: { date: LocalDate; result: JuryResult | null } | null;
  /** AFEST cycles not evaluated yet: the ones with a mise en situation and no séquence réflexive get a reminder. */
  openAfestCycles: readonly { id: string; situationOn: LocalDate | null; reflectionOn: LocalDate | null }[];
}
