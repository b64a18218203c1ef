/**
 * Reminder lead times and silence thresholds: a tenant setting (DESIGN.md §3),
 * these values by default. Delays set by law (the OPCO's 20 days, the
 * certifier's 2 months) are not here: they come from the Regulation.
 * Every number is a count of calendar days.
 */
export interface ReminderSettings {
  /** Paris wall-clock time (HH:MM) at which every reminder and the digest go out. */
  sendTime: string;
  /** OPCO_FILING_DUE: this many days after the contract starts, if not filed (the legal limit is Regulation.opco.filingDays). */
  opcoFilingDueAfterStartDays: number;
  /** TRIAL_ENDING: this many days before the trial's last day. */
  trialEndingLeadDays: number;
  /** CONTRACT_ENDING: one reminder per lead, before the planned end. */
  contractEndingLeadDays: readonly number[];
  /** AFEST_REFLECTION_DUE: this many days after the mise en situation, without séquence réflexive. */
  afestReflectionDueAfterDays: number;
  /** ADMISSIBILITY_CHECK: this many days after the file was complete, without decision. */
  admissibilityCheckAfterDays: number;
  /** ADMISSIBILITY_EXPIRING: one reminder per lead, before the recevabilité's last valid day. */
  admissibilityExpiringLeadDays: readonly number[];
  /** JURY_UPCOMING: one reminder per lead, before the jury. */
  juryUpcomingLeadDays: readonly number[];
  /** JURY_RESULT_MISSING: this many days after the jury, without result. */
  juryResultMissingAfterDays: number;
  /** Scan: TUTOR_SILENT after this many days without a progress entry. */
  tutorSilentDays: number;
  /** Scan: TUTOR_SILENT_ESCALATION after this many days without a progress entry. */
  tutorSilentEscalationDays: number;
  /** Scan: INACTIVE after this many days without activity on the pathway. */
  inactiveDays: number;
  /** WEEKLY_DIGEST: ISO day of the week, 1 = Monday … 7 = Sunday. */
  weeklyDigestIsoWeekday: number;
  /** WEEKLY_DIGEST: besides what is overdue, the deadlines of the next this many days. */
  weeklyDigestHorizonDays: number;
}

/** DESIGN.md §5. */
export const DEFAULT_REMINDER_SETTINGS: Readonly<ReminderSettings> = Object.freeze({
  sendTime: '08:00',
  opcoFilingDueAfterStartDays: 3,
  trialEndingLeadDays: 3,
  contractEndingLeadDays: Object.freeze([90, 30]),
  afestReflectionDueAfterDays: 7,
  admissibilityCheckAfterDays: 45,
  admissibilityExpiringLeadDays: Object.freeze([60, 30]),
  juryUpcomingLeadDays: Object.freeze([14, 1]),
  juryResultMissingAfterDays: 7,
  tutorSilentDays: 7,
  tutorSilentEscalationDays: 14,
  inactiveDays: 60,
  weeklyDigestIsoWeekday: 1,
  // Two weeks: a deadline shows in two digests before its day, and a jury in 14 days is in the first.
  weeklyDigestHorizonDays: 14,
});
