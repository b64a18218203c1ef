/**
 * Business dates: a calendar day with no time and no zone, 'YYYY-MM-DD'.
 * Arithmetic runs on UTC midnights, where every day lasts 24 hours, so no
 * daylight-saving shift can move a date. Invalid input is a programming error
 * (RangeError): rules that take user input check `isValidLocalDate` first.
 */
export type LocalDate = string;

const DAY_MS = 86_400_000;
const FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  year: number;
  month: number; // 1–12
  day: number;
}

function parse(date: LocalDate): Ymd | null {
  const match = FORMAT.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function parseOrThrow(date: LocalDate): Ymd {
  const ymd = parse(date);
  if (!ymd) throw new RangeError(`Invalid LocalDate: '${date}' (expected an existing day as YYYY-MM-DD)`);
  return ymd;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01. setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 19xx. */
function toEpochDay({ year, month, day }: Ymd): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / DAY_MS);
}

function fromEpochDay(epochDay: number): LocalDate {
  const d = new Date(epochDay * DAY_MS);
  return format({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

function format({ year, month, day }: Ymd): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for an existing calendar day written YYYY-MM-DD (2024-02-30 is not one). */
export function isValidLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && parse(value) !== null;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(parseOrThrow(date)) + days);
}

/** Calendar months; the day is clamped to the month's end: 2024-01-31 + 1 = 2024-02-29. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = parseOrThrow(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return format({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

/** 2024-02-29 + 1 year = 2025-02-28. */
export function addYears(date: LocalDate, years: number): LocalDate {
  return addMonths(date, years * 12);
}

/** Number of days from `from` to `to` (negative when `to` is earlier). */
export function diffInDays(from: LocalDate, to: LocalDate): number {
  return toEpochDay(parseOrThrow(to)) - toEpochDay(parseOrThrow(from));
}

/** -1, 0 or 1, usable with Array.prototype.sort. */
export function compareDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  const diff = diffInDays(b, a);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return compareDates(a, b) >= 0 ? a : b;
}

export function yearOf(date: LocalDate): number {
  return parseOrThrow(date).year;
}

/** The 1st of the following month, even when `date` is itself a 1st. */
export function firstDayOfNextMonth(date: LocalDate): LocalDate {
  const { year, month } = parseOrThrow(date);
  return month === 12 ? format({ year: year + 1, month: 1, day: 1 }) : format({ year, month: month + 1, day: 1 });
}

/**
 * Age in whole years on a day. Someone born on 29 February turns a year older
 * on 1 March in common years (the birthday has not come on 28 February).
 */
export function ageOn(birthDate: LocalDate, on: LocalDate): number {
  const birth = parseOrThrow(birthDate);
  const day = parseOrThrow(on);
  const hadBirthday = day.month > birth.month || (day.month === birth.month && day.day >= birth.day);
  return day.year - birth.year - (hadBirthday ? 0 : 1);
}

/**
 * Whole calendar months from `from` to `to`: the largest n with
 * addMonths(from, n) <= to (2024-01-31 → 2024-02-29 is 1 month). Negative
 * when `to` is earlier.
 */
export function monthsBetween(from: LocalDate, to: LocalDate): number {
  if (compareDates(to, from) < 0) return -monthsBetween(to, from);
  const a = parseOrThrow(from);
  const b = parseOrThrow(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  // Never more than one too many: step back if the clamped date overshoots.
  while (months > 0 && compareDates(addMonths(from, months), to) > 0) months--;
  return months;
}

/** How a French reader writes a date: 2025-08-31 → 31/08/2025. */
export function frenchDate(date: LocalDate): string {
  const { year, month, day } = parseOrThrow(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${String(year).padStart(4, '0')}`;
}
