import { checkJuryDate } from '../jury/jury.rules.js';
import { ruleViolation, type RuleViolation } from '../regulation/rule.types.js';
import type { JuryResult } from './pathway.actions.js';
import { checkJuryHeld } from './pathway.guards.js';
import { type ActionRule, type Outcome } from './pathway.rule.types.js';
import type { PathwayState } from './pathway.states.js';
import type { PathwaySnapshot } from './pathway.types.js';

function contractEnd(snapshot: PathwaySnapshot) {
  return snapshot.contract ? (snapshot.contract.endedOn ?? snapshot.contract.plannedEndDate) : null;
}

function place(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** DOSSIER_SUBMITTED → JURY_SCHEDULED: a future date, at most 24 months ahead. */
export const scheduleJury: ActionRule<'scheduleJury'> = {
  from: ['DOSSIER_SUBMITTED'],
  apply: ({ snapshot, action, today, regulation }) => {
    const { violation, warnings } = checkJuryDate({ date: action.date, today, contractEnd: contractEnd(snapshot) }, regulation);
    if (violation) return violation;
    return { to: 'JURY_SCHEDULED', events: [{ type: 'JuryScheduled', date: action.date, place: place(action.place) }], warnings };
  },
};

/** JURY_SCHEDULED → JURY_SCHEDULED: same rules as the first date. */
export const rescheduleJury: ActionRule<'rescheduleJury'> = {
  from: ['JURY_SCHEDULED'],
  apply: ({ snapshot, action, today, regulation }) => {
    const { violation, warnings } = checkJuryDate({ date: action.date, today, contractEnd: contractEnd(snapshot) }, regulation);
    if (violation) return violation;
    return {
      to: 'JURY_SCHEDULED',
      events: [{ type: 'JuryRescheduled', previousDate: snapshot.activeJury?.date ?? null, date: action.date, place: place(action.place) }],
      warnings,
    };
  },
};

const RESULT_STATE: Record<JuryResult, PathwayState> = {
  FULL: 'CERTIFIED',
  PARTIAL: 'PARTIALLY_CERTIFIED',
  REFUSED: 'NOT_CERTIFIED',
  // The candidate did not come: the dossier stands, a new jury date is needed.
  ABSENT: 'DOSSIER_SUBMITTED',
};

/**
 * JURY_SCHEDULED → CERTIFIED | PARTIALLY_CERTIFIED | NOT_CERTIFIED |
 * DOSSIER_SUBMITTED, once the jury date has passed. FULL validates the target
 * blocs (all of them for the full certification); PARTIAL the blocs given.
 * Blocs acquired earlier are kept for life.
 */
export const recordJuryResult: ActionRule<'recordJuryResult'> = {
  from: ['JURY_SCHEDULED'],
  ready: (snapshot, today) => checkJuryHeld(snapshot, today),
  apply: ({ snapshot, action, today }) => {
    const notHeld = checkJuryHeld(snapshot, today);
    if (notHeld) return notHeld;
    const validated = validatedBlocs(snapshot, action.result, action.acquiredBlocCodes ?? []);
    if (!Array.isArray(validated)) return validated;
    const outcome: Outcome = {
      to: RESULT_STATE[action.result],
      events: [
        {
          type: 'JuryResultRecorded',
          result: action.result,
          juryDate: snapshot.activeJury?.date ?? today,
          validatedBlocCodes: validated,
          acquiredBlocCodes: orderLike(snapshot.certification.blocCodes, [...snapshot.acquiredBlocCodes, ...validated]),
        },
      ],
      warnings: [],
    };
    return outcome;
  },
};

function validatedBlocs(snapshot: PathwaySnapshot, result: JuryResult, given: string[]): string[] | RuleViolation {
  const known = snapshot.certification.blocCodes;
  const unknown = given.filter((code) => !known.includes(code));
  if (unknown.length > 0) {
    return ruleViolation(
      'JURY_BLOCS_UNKNOWN',
      `Ces blocs ne font pas partie de la certification : ${unknown.join(', ')}.`,
      `These blocs are not part of the certification: ${unknown.join(', ')}.`,
      { path: 'acquiredBlocCodes', details: { unknownBlocCodes: unknown, blocCodes: known } },
    );
  }
  if (result === 'PARTIAL') {
    if (given.length > 0) return orderLike(known, given);
    return ruleViolation(
      'JURY_BLOCS_REQUIRED',
      'Pour une validation partielle, indiquez les blocs de compétences validés par le jury.',
      'A partial validation needs the blocs the jury validated.',
      { path: 'acquiredBlocCodes' },
    );
  }
  if (result === 'FULL') return orderLike(known, [...(snapshot.targetBlocCodes ?? known), ...given]);
  if (given.length > 0) {
    return ruleViolation(
      'JURY_BLOCS_UNEXPECTED',
      'Aucun bloc ne peut être validé sans décision de validation totale ou partielle.',
      'No bloc can be validated without a full or partial validation.',
      { path: 'acquiredBlocCodes' },
    );
  }
  return [];
}

/** Distinct codes, in the certification's order; codes it no longer has go last. */
function orderLike(reference: readonly string[], codes: readonly string[]): string[] {
  const distinct = [...new Set(codes)];
  const rank = (code: string) => {
    const index = reference.indexOf(code);
    return index === -1 ? reference.length : index;
  };
  return distinct.map((code, position) => ({ code, position })).sort((a, b) => rank(a.code) - rank(b.code) || a.position - b.position).map((x) => x.code);
}
