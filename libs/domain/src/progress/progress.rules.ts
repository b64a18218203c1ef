import { ruleViolation, type RuleViolation } from '../regulation/rule.types.js';
import { compareDates, type LocalDate } from '../time/local-date.js';

/** The author may correct an entry for this long; after it, corrections are new entries. */
export const PROGRESS_EDIT_WINDOW_DAYS = 7;

export function progressEditableUntil(createdAt: Date): Date {
  return new Date(createdAt.getTime() + PROGRESS_EDIT_WINDOW_DAYS * 86_400_000);
}

export function canEditProgressEntry(entry: { authorId: string; createdAt: Date }, userId: string, now: Date): boolean {
  return entry.authorId === userId && now < progressEditableUntil(entry.createdAt);
}

/** An entry records what happened: not in the future, not before the contract began. */
export function checkProgressDate(date: LocalDate, today: LocalDate, contractStart: LocalDate | null): RuleViolation | null {
  if (compareDates(date, today) > 0) {
    return ruleViolation('PROGRESS_DATE_IN_FUTURE', 'La date du suivi ne peut pas être dans le futur.', 'The entry date cannot be in the future.', { path: 'date' });
  }
  if (contractStart && compareDates(date, contractStart) < 0) {
    return ruleViolation('PROGRESS_BEFORE_CONTRACT', 'La date du suivi précède le début du contrat.', 'The entry date is before the contract start.', { path: 'date' });
  }
  return null;
}
