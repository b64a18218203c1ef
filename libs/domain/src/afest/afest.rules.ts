import { ruleViolation, type RuleViolation } from '../regulation/rule.types.js';
import { compareDates, type LocalDate } from '../time/local-date.js';

/**
 * An AFEST cycle (Code du travail, D6313-3-2): an analysis of the work
 * activity to adapt it for learning, a mise en situation de travail, a
 * séquence réflexive distinct from production, then an evaluation. The steps
 * happen in this order, each dated on or after the previous one.
 */
export const AFEST_STEPS = ['ANALYSIS', 'SITUATION', 'REFLECTION', 'EVALUATION'] as const;
export type AfestStep = (typeof AFEST_STEPS)[number];

export const AFEST_STEP_LABELS: Record<AfestStep, string> = {
  ANALYSIS: 'Analyse de l’activité',
  SITUATION: 'Mise en situation de travail',
  REFLECTION: 'Séquence réflexive',
  EVALUATION: 'Évaluation',
};

/** The dates of the steps done so far (the analysis opens the cycle). */
export type AfestDates = Record<AfestStep, LocalDate | null>;

export function nextAfestStep(dates: AfestDates): AfestStep | null {
  return AFEST_STEPS.find((step) => dates[step] === null) ?? null;
}

export function checkAfestStep(dates: AfestDates, step: AfestStep, date: LocalDate, today: LocalDate): RuleViolation | null {
  const next = nextAfestStep(dates);
  if (dates[step] !== null) {
    return ruleViolation('AFEST_STEP_ALREADY_DONE', `L’étape « ${AFEST_STEP_LABELS[step]} » de ce cycle est déjà enregistrée.`, 'This step of the cycle is already recorded.', { path: 'step' });
  }
  if (step === 'EVALUATION' && dates.REFLECTION === null) {
    return ruleViolation(
      'AFEST_REFLECTION_REQUIRED',
      'Le cycle ne peut pas être évalué avant sa séquence réflexive.',
      'The cycle cannot be evaluated before its reflective sequence.',
      { path: 'step' },
    );
  }
  if (next !== step) {
    return ruleViolation('AFEST_STEP_OUT_OF_ORDER', `Étape suivante attendue : « ${AFEST_STEP_LABELS[next ?? 'EVALUATION']} ».`, 'The steps of a cycle follow their order.', { path: 'step' });
  }
  if (compareDates(date, today) > 0) {
    return ruleViolation('AFEST_DATE_IN_FUTURE', 'Une étape se saisit une fois réalisée : sa date ne peut pas être dans le futur.', 'A step is recorded once done.', { path: 'date' });
  }
  const previous = AFEST_STEPS[AFEST_STEPS.indexOf(step) - 1];
  const previousDate = previous ? dates[previous] : null;
  if (previousDate && compareDates(date, previousDate) < 0) {
    return ruleViolation('AFEST_DATE_BEFORE_PREVIOUS_STEP', `Cette étape ne peut pas précéder « ${AFEST_STEP_LABELS[previous!]} » (${previousDate}).`, 'A step cannot precede the previous one.', { path: 'date' });
  }
  return null;
}
