import type { PayBracket, Regulation } from '../regulation/regulation.types.js';
import { smicOn } from '../regulation/smic.js';
import { addYears, compareDates, firstDayOfNextMonth, type LocalDate } from '../time/local-date.js';

/**
 * The day a bracket starts applying: the 1st of the month after the birthday
 * of its age (D6325-16), even when the birthday is itself a 1st.
 */
function bracketStart(birthDate: LocalDate, bracket: PayBracket): LocalDate | null {
  return bracket.fromAge === 0 ? null : firstDayOfNextMonth(addYears(birthDate, bracket.fromAge));
}

/** The pay bracket that applies on a day. */
export function payBracketOn(birthDate: LocalDate, on: LocalDate, regulation: Regulation): PayBracket {
  let current: PayBracket | undefined;
  for (const bracket of regulation.pay.brackets) {
    const start = bracketStart(birthDate, bracket);
    if (start === null || compareDates(start, on) <= 0) current = bracket;
  }
  if (!current) throw new RangeError('Regulation.pay.brackets must start at age 0');
  return current;
}

/** Minimum pay on a day, as a % of the SMIC: by age bracket, higher from qualification level 4. */
export function minimumPayPercent(birthDate: LocalDate, qualificationLevel: number, on: LocalDate, regulation: Regulation): number {
  const bracket = payBracketOn(birthDate, on, regulation);
  return qualificationLevel >= regulation.pay.higherRateFromQualificationLevel ? bracket.percentOfSmicIfQualified : bracket.percentOfSmic;
}

/**
 * Minimum monthly gross pay on a day, rounded to the euro (55 % of
 * 1 801.80 → 991): what a coordinator reads. Ignores the branch minimum.
 */
export function monthlyMinimumGross(birthDate: LocalDate, qualificationLevel: number, on: LocalDate, regulation: Regulation): number {
  const percent = minimumPayPercent(birthDate, qualificationLevel, on, regulation);
  return Math.round((smicOn(regulation, on) * percent) / 100);
}

/**
 * Days in (from, to] on which the minimum pay changes bracket: the 1st of the
 * month after the 21st and 26th birthdays. A change on `from` itself is not
 * listed: the new bracket already applies that day.
 */
export function payBracketChanges(birthDate: LocalDate, from: LocalDate, to: LocalDate, regulation: Regulation): LocalDate[] {
  return regulation.pay.brackets
    .map((bracket) => bracketStart(birthDate, bracket))
    .filter((start): start is LocalDate => start !== null && compareDates(start, from) > 0 && compareDates(start, to) <= 0);
}
