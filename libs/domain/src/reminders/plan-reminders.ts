import { implicitAdmissibilityDate } from '../admissibility/admissibility.rules.js';
import { payBracketChanges, payBracketOn } from '../contract/pay.rules.js';
import { FINAL_PATHWAY_STATES, type PathwayState } from '../pathway/pathway.states.js';
import { FRENCH_REGULATION } from '../regulation/french-regulation.js';
import type { Regulation } from '../regulation/regulation.types.js';
import { addDays, compareDates, diffInDays, type LocalDate } from '../time/local-date.js';
import { parisDate, parisInstant } from '../time/paris-time.js';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './reminder.settings.js';
import { RECIPIENTS_BY_KIND, type PlannedReminder, type PlannedReminderKind, type ReminderSnapshot } from './reminder.types.js';

/** A reminder before its instant and key are computed. */
interface Due {
  kind: PlannedReminderKind;
  dueOn: LocalDate;
  /** Tells apart the reminders of one kind: a lead in days, a cycle id, an age. */
  qualifier?: string | number;
  data: Record<string, unknown>;
}

/** States in which a jury has been held and its result recorded. */
const JURY_HELD_STATES: readonly PathwayState[] = ['CERTIFIED', 'PARTIALLY_CERTIFIED', 'NOT_CERTIFIED'];

/**
 * The reminders a pathway should have from `now` on (DESIGN.md §5): only
 * those its state and dates call for, and only those due strictly after
 * `now`: a reminder whose time has come belongs to the sender, not to the
 * plan. The caller re-plans in the transaction of every change and
 * reconciles the rows due after `now` by dedup key: a key that left the plan
 * is cancelled, a new one is inserted, a kept one has its data updated.
 *
 * Pure: the same snapshot, settings and instant give the same list, sorted by
 * due instant then dedup key. Delays set by law come from `regulation`; lead
 * times and thresholds from `settings`.
 */
export function planReminders(
  snapshot: ReminderSnapshot,
  settings: ReminderSettings,
  now: Date,
  regulation: Regulation = FRENCH_REGULATION,
): PlannedReminder[] {
  if (Number.isNaN(now.getTime())) throw new RangeError('Invalid Date');
  if (FINAL_PATHWAY_STATES.includes(snapshot.state)) return [];
  const due = [
    ...contractReminders(snapshot, settings, regulation),
    ...afestReminders(snapshot, settings),
    ...admissibilityReminders(snapshot, settings, regulation),
    ...juryReminders(snapshot, settings),
  ];
  const planned = new Map<string, PlannedReminder>();
  for (const { kind, dueOn, qualifier, data } of due) {
    const dueAt = reminderDueAt(dueOn, settings);
    if (dueAt.getTime() <= now.getTime()) continue;
    const dedupKey = [snapshot.pathwayId, kind, ...(qualifier === undefined ? [] : [String(qualifier)]), dueOn].join(':');
    // A lead listed twice in the settings gives the same reminder twice: keep one.
    if (!planned.has(dedupKey)) planned.set(dedupKey, { kind, dueOn, dueAt, recipients: [...RECIPIENTS_BY_KIND[kind]], dedupKey, data });
  }
  return [...planned.values()].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.dedupKey < b.dedupKey ? -1 : a.dedupKey > b.dedupKey ? 1 : 0));
}

/** The instant a reminder due on a Paris day goes out: the send time (08:00) in Paris that day. */
export function reminderDueAt(dueOn: LocalDate, settings: Pick<ReminderSettings, 'sendTime'> = DEFAULT_REMINDER_SETTINGS): Date {
  return parisInstant(dueOn, settings.sendTime);
}

/**
 * The next weekly digest strictly after `now`: Monday (the settings' weekday)
 * at 08:00 in Paris, whatever the daylight-saving change in between.
 */
export function weeklyDigestDueAt(
  now: Date,
  settings: Pick<ReminderSettings, 'sendTime' | 'weeklyDigestIsoWeekday'> = DEFAULT_REMINDER_SETTINGS,
): Date {
  const weekday = settings.weeklyDigestIsoWeekday;
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) throw new RangeError(`weeklyDigestIsoWeekday must be 1–7, got ${weekday}`);
  const today = parisDate(now);
  const day = addDays(today, (weekday - isoWeekday(today) + 7) % 7);
  const sameDay = reminderDueAt(day, settings);
  return sameDay.getTime() > now.getTime() ? sameDay : reminderDueAt(addDays(day, 7), settings);
}

/** 1 = Monday … 7 = Sunday. */
function isoWeekday(date: LocalDate): number {
  const A_MONDAY = '2024-01-01';
  return ((diffInDays(A_MONDAY, date) % 7) + 7) % 7 + 1;
}

/**
 * OPCO filing and silence, whatever the contract's end (the filing and the
 * decision stay due for the days worked); trial end, pay bracket changes and
 * contract end only on days the contract runs (from its start to its actual
 * or planned last day).
 */
function contractReminders(snapshot: ReminderSnapshot, settings: ReminderSettings, regulation: Regulation): Due[] {
  const contract = snapshot.contract;
  if (!contract) return [];
  const { startDate, plannedEndDate, trialEndDate, opcoFiledOn, opcoDecision, endedOn } = contract;
  const due: Due[] = [];

  if (opcoFiledOn === null) {
    due.push({
      kind: 'OPCO_FILING_DUE',
      dueOn: addDays(startDate, settings.opcoFilingDueAfterStartDays),
      data: { contractStartDate: startDate, filingDeadline: addDays(startDate, regulation.opco.filingDays) },
    });
  } else if (opcoDecision === null || opcoDecision === 'PENDING') {
    due.push({ kind: 'OPCO_SILENCE', dueOn: addDays(opcoFiledOn, regulation.opco.decisionDays), data: { opcoFiledOn } });
  }

  const lastDay = endedOn ?? plannedEndDate;
  const runsOn = (day: LocalDate) => compareDates(day, startDate) >= 0 && compareDates(day, lastDay) <= 0;

  // Only when the contract outlives its trial (not when it was ended during it).
  if (trialEndDate !== null && compareDates(trialEndDate, lastDay) < 0) {
    const dueOn = addDays(trialEndDate, -settings.trialEndingLeadDays);
    if (runsOn(dueOn)) due.push({ kind: 'TRIAL_ENDING', dueOn, data: { trialEndDate } });
  }

  for (const effectiveOn of payBracketChanges(snapshot.candidate.birthDate, startDate, lastDay, regulation)) {
    const bracketFromAge = payBracketOn(snapshot.candidate.birthDate, effectiveOn, regulation).fromAge;
    due.push({ kind: 'PAY_BRACKET_CHANGE', dueOn: effectiveOn, qualifier: bracketFromAge, data: { effectiveOn, bracketFromAge } });
  }

  // An actual end recorded replaces the planned one: nothing left to announce.
  if (endedOn === null) {
    const escalated = !isJuryScheduled(snapshot) && !JURY_HELD_STATES.includes(snapshot.state);
    for (const lead of settings.contractEndingLeadDays) {
      const dueOn = addDays(plannedEndDate, -lead);
      if (runsOn(dueOn)) due.push({ kind: 'CONTRACT_ENDING', dueOn, qualifier: lead, data: { plannedEndDate, daysBefore: lead, escalated } });
    }
  }
  return due;
}

/** One reminder per cycle with a mise en situation and no séquence réflexive yet. */
function afestReminders(snapshot: ReminderSnapshot, settings: ReminderSettings): Due[] {
  return snapshot.openAfestCycles.flatMap(({ id, situationOn, reflectionOn }): Due[] =>
    situationOn !== null && reflectionOn === null
      ? [{ kind: 'AFEST_REFLECTION_DUE', dueOn: addDays(situationOn, settings.afestReflectionDueAfterDays), qualifier: id, data: { afestCycleId: id, situationOn } }]
      : [],
  );
}

/**
 * While the certifier has a complete file and has not decided
 * (ADMISSIBILITY_PENDING): the check, then the day silence is worth
 * admissibility. Once admissible and until the dossier is submitted
 * (DOSSIER): the coming end of validity.
 */
function admissibilityReminders(snapshot: ReminderSnapshot, settings: ReminderSettings, regulation: Regulation): Due[] {
  const request = snapshot.activeAdmissibility;
  if (!request) return [];
  const { completeOn, decision, validUntil } = request;
  const due: Due[] = [];
  // INCOMPLETE is no answer on admissibility: a file completed again waits for one.
  if (snapshot.state === 'ADMISSIBILITY_PENDING' && completeOn !== null && (decision === null || decision === 'INCOMPLETE')) {
    const implicitOn = implicitAdmissibilityDate(completeOn, regulation);
    const checkOn = addDays(completeOn, settings.admissibilityCheckAfterDays);
    if (compareDates(checkOn, implicitOn) < 0) due.push({ kind: 'ADMISSIBILITY_CHECK', dueOn: checkOn, data: { completeOn, implicitOn } });
    due.push({ kind: 'ADMISSIBILITY_IMPLICIT', dueOn: implicitOn, data: { completeOn, implicitOn } });
  }
  if (snapshot.state === 'DOSSIER' && (decision === 'ADMISSIBLE' || decision === 'ADMISSIBLE_IMPLICIT') && validUntil !== null) {
    for (const lead of settings.admissibilityExpiringLeadDays) {
      due.push({ kind: 'ADMISSIBILITY_EXPIRING', dueOn: addDays(validUntil, -lead), qualifier: lead, data: { validUntil, daysBefore: lead } });
    }
  }
  return due;
}

/** Before and after a scheduled jury whose result is not recorded. */
function juryReminders(snapshot: ReminderSnapshot, settings: ReminderSettings): Due[] {
  if (!isJuryScheduled(snapshot) || !snapshot.activeJury) return [];
  const juryDate = snapshot.activeJury.date;
  return [
    ...settings.juryUpcomingLeadDays.map(
      (lead): Due => ({ kind: 'JURY_UPCOMING', dueOn: addDays(juryDate, -lead), qualifier: lead, data: { juryDate, daysBefore: lead } }),
    ),
    { kind: 'JURY_RESULT_MISSING', dueOn: addDays(juryDate, settings.juryResultMissingAfterDays), data: { juryDate } },
  ];
}

/** A jury date is set and no result is recorded. */
function isJuryScheduled(snapshot: ReminderSnapshot): boolean {
  return snapshot.state === 'JURY_SCHEDULED' && snapshot.activeJury !== null && snapshot.activeJury.result === null;
}
