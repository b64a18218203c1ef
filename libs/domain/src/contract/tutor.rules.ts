import type { Regulation } from '../regulation/regulation.types.js';
import { ruleViolation, type RuleViolation } from '../regulation/rule.types.js';

export interface TutorLoad {
  /** Alternants the tutor follows now, the new one not included. */
  currentAlternants: number;
  tutorIsEmployer: boolean;
  tutorIsGeiqCoordinator: boolean;
}

/** Whether the tutor may take one more alternant (GEIQ coordinators have no limit). */
export function checkTutorCapacity(load: TutorLoad, regulation: Regulation): RuleViolation | null {
  if (load.tutorIsGeiqCoordinator && regulation.tutor.geiqCoordinatorExempt) return null;
  const max = load.tutorIsEmployer ? regulation.tutor.maxAlternantsIfEmployer : regulation.tutor.maxAlternants;
  if (load.currentAlternants + 1 <= max) return null;
  const who = load.tutorIsEmployer ? { fr: 'un employeur tuteur', en: 'an employer acting as tutor' } : { fr: 'un tuteur', en: 'a tutor' };
  return ruleViolation(
    'TUTOR_CAPACITY_EXCEEDED',
    `Ce tuteur suit déjà ${load.currentAlternants} alternant(s) : ${who.fr} ne peut pas en suivre plus de ${max} à la fois.`,
    `This tutor already follows ${load.currentAlternants} alternant(s): ${who.en} may follow at most ${max} at once.`,
    { details: { currentAlternants: load.currentAlternants, max } },
  );
}
