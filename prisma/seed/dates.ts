import { addDays, addMonths, type LocalDate } from '@jalon/domain';

/**
 * A day of the demo's history, relative to the day the seed runs, so that a
 * demo seeded any day tells the same story: "14 months ago", "in 1 month and
 * 10 days".
 */
export interface Offset {
  months: number;
  days: number;
}

export const ago = (months: number, days = 0): Offset => ({ months: -months, days: -days });
export const ahead = (months: number, days = 0): Offset => ({ months, days });

/** The calendar day of an offset, on a working day. */
export function dayOf(offset: Offset, today: LocalDate): LocalDate {
  return workingDay(addDays(addMonths(today, offset.months), offset.days));
}

/** A Saturday or a Sunday moves back to the Friday: nothing is filed or signed on a weekend. */
export function workingDay(day: LocalDate): LocalDate {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 6 ? addDays(day, -1) : weekday === 0 ? addDays(day, -2) : day;
}

/** "septembre 2025", for cohort names. */
export function monthAndYear(day: LocalDate): string {
  return new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
