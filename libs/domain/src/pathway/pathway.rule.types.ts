import type { Regulation } from '../regulation/regulation.types.js';
import type { RuleViolation, RuleWarning } from '../regulation/rule.types.js';
import type { LocalDate } from '../time/local-date.js';
import type { PathwayAction, PathwayActionType } from './pathway.actions.js';
import type { PathwayState } from './pathway.states.js';
import type { PathwayEvent, PathwaySnapshot } from './pathway.types.js';

export type ActionOf<T extends PathwayActionType> = Extract<PathwayAction, { type: T }>;

export interface ActionContext<A extends PathwayAction> {
  snapshot: PathwaySnapshot;
  action: A;
  /** parisDate(now). */
  today: LocalDate;
  regulation: Regulation;
}

export interface Outcome {
  to: PathwayState;
  events: PathwayEvent[];
  warnings: RuleWarning[];
}

/** One action of the machine: where it may start, and what it does there. */
export interface ActionRule<T extends PathwayActionType> {
  from: readonly PathwayState[];
  /**
   * The guards that need no payload, checked as if the action happened today:
   * availableActions lists the action only when this passes. `apply` runs
   * them again with the payload's dates.
   */
  ready?: (snapshot: PathwaySnapshot, today: LocalDate, regulation: Regulation) => RuleViolation | null;
  apply: (context: ActionContext<ActionOf<T>>) => Outcome | RuleViolation;
}

export function isViolation(result: Outcome | RuleViolation): result is RuleViolation {
  return 'code' in result;
}

/** The first broken rule, evaluating checks in order (later checks may assume earlier ones passed). */
export function firstViolation(...checks: (() => RuleViolation | null)[]): RuleViolation | null {
  for (const check of checks) {
    const violation = check();
    if (violation) return violation;
  }
  return null;
}
