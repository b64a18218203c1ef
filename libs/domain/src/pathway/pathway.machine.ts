import type { Regulation } from '../regulation/regulation.types.js';
import { ruleViolation, type RuleViolation } from '../regulation/rule.types.js';
import { parisDate } from '../time/paris-time.js';
import { recordAdmissibility, submitAdmissibility } from './pathway.admissibility.js';
import { PATHWAY_ACTION_LABELS, PATHWAY_ACTIONS, type PathwayAction, type PathwayActionType } from './pathway.actions.js';
import { returnDossier, submitDossier } from './pathway.dossier.js';
import { rescheduleJury, recordJuryResult, scheduleJury } from './pathway.jury.js';
import { close, resume, start, withdraw } from './pathway.lifecycle.js';
import { isViolation, type ActionContext, type ActionRule, type Outcome } from './pathway.rule.types.js';
import { PATHWAY_STATE_LABELS, type PathwayState } from './pathway.states.js';
import type { PathwaySnapshot, TransitionResult } from './pathway.types.js';

/** DESIGN.md §4, one rule per action. */
const RULES: { [T in PathwayActionType]: ActionRule<T> } = {
  start,
  submitAdmissibility,
  recordAdmissibility,
  submitDossier,
  returnDossier,
  scheduleJury,
  rescheduleJury,
  recordJuryResult,
  resume,
  close,
  withdraw,
};

/** A rule with its action type erased: RULES[type] only ever receives actions of that type. */
interface AnyActionRule {
  from: readonly PathwayState[];
  ready?: ActionRule<PathwayActionType>['ready'];
  apply: (context: ActionContext<PathwayAction>) => Outcome | RuleViolation;
}
const ERASED_RULES = RULES as unknown as Partial<Record<string, AnyActionRule>>;

/** The states an action may start from. */
export function allowedFrom(action: PathwayActionType): readonly PathwayState[] {
  return RULES[action].from;
}

/**
 * Applies an action to a pathway: the new state and the events to persist,
 * or the rule that refuses it. Pure: "today" is parisDate(now).
 */
export function transition(snapshot: PathwaySnapshot, action: PathwayAction, now: Date, regulation: Regulation): TransitionResult {
  // Untyped callers (JSON) may send anything: refuse it rather than throw.
  const rule = ERASED_RULES[action.type];
  if (!rule) {
    return {
      ok: false,
      violation: ruleViolation('ACTION_UNKNOWN', 'Cette action n’existe pas.', `Unknown action '${String(action.type)}'.`, { path: 'type' }),
    };
  }
  const from = snapshot.state;
  if (!rule.from.includes(from)) {
    const label = PATHWAY_ACTION_LABELS[action.type];
    return {
      ok: false,
      violation: ruleViolation(
        'TRANSITION_NOT_ALLOWED',
        `Action impossible : « ${label} » n’est pas possible quand le parcours est à l’étape « ${PATHWAY_STATE_LABELS[from]} ».`,
        `Action '${action.type}' is not allowed in state ${from}.`,
        { details: { state: from, action: action.type, allowedFrom: [...rule.from] } },
      ),
    };
  }
  const result = rule.apply({ snapshot, action, today: parisDate(now), regulation });
  if (isViolation(result)) return { ok: false, violation: result };
  return { ok: true, from, to: result.to, events: result.events, warnings: result.warnings };
}

/**
 * The actions a coordinator can take now: allowed from the state, and whose
 * payload-free guards pass today (start only with a contract, an OPCO filing
 * and a tutor; recordJuryResult only once the jury date has passed…).
 */
export function availableActions(snapshot: PathwaySnapshot, now: Date, regulation: Regulation): PathwayActionType[] {
  return actionsFrom(snapshot, now, regulation)
    .filter(({ heldBack }) => heldBack === null)
    .map(({ action }) => action);
}

/**
 * The actions the state allows but a payload-free guard holds back today,
 * each with the rule holding it back: what is still missing (a contract, the
 * livret 1, the jury date to pass…), to tell the coordinator.
 */
export function heldBackActions(snapshot: PathwaySnapshot, now: Date, regulation: Regulation): { action: PathwayActionType; violation: RuleViolation }[] {
  return actionsFrom(snapshot, now, regulation).flatMap(({ action, heldBack }) => (heldBack ? [{ action, violation: heldBack }] : []));
}

function actionsFrom(snapshot: PathwaySnapshot, now: Date, regulation: Regulation): { action: PathwayActionType; heldBack: RuleViolation | null }[] {
  const today = parisDate(now);
  return PATHWAY_ACTIONS.flatMap((action) => {
    const rule = RULES[action] as AnyActionRule;
    return rule.from.includes(snapshot.state) ? [{ action, heldBack: rule.ready?.(snapshot, today, regulation) ?? null }] : [];
  });
}
