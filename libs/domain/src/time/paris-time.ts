import { isValidLocalDate, type LocalDate } from './local-date.js';

/** Every business date is a day in Paris (DESIGN.md §2), whatever the server's zone. */
export const BUSINESS_TIME_ZONE = 'Europe/Paris';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const wallClockFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The last second parisWallClock read, and its wall clock: a request asks for "today" several times in the same second. */
let lastRead = { second: Number.NaN, wall: 0 };

/** The Paris wall clock at an instant, to the second, as if it were UTC (milliseconds since the epoch). */
function parisWallClock(instant: Date): number {
  const second = Math.floor(instant.getTime() / 1000);
  if (second === lastRead.second) return lastRead.wall;
  const parts: Record<string, number> = {};
  for (const part of wallClockFormat.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(parts['year'] ?? 0, (parts['month'] ?? 1) - 1, parts['day'] ?? 1);
  wall.setUTCHours(parts['hour'] ?? 0, parts['minute'] ?? 0, parts['second'] ?? 0, 0);
  lastRead = { second, wall: wall.getTime() };
  return lastRead.wall;
}

/** Paris offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function parisOffset(instantMs: number): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return parisWallClock(new Date(whole)) - whole;
}

/** The day it is in Paris at an instant: "today" for every rule. */
export function parisDate(instant: Date): LocalDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  return new Date(parisWallClock(instant)).toISOString().slice(0, 10);
}

/**
 * The instant of a Paris wall-clock time on a day, e.g. a reminder at 08:00.
 * Like Temporal's 'compatible' disambiguation: a time skipped by the spring
 * change (02:30 on the last Sunday of March) moves forward by the gap (03:30);
 * a time repeated in autumn (02:30 on the last Sunday of October) is the
 * first one (summer time).
 */
export function parisInstant(date: LocalDate, time: string): Date {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!isValidLocalDate(date) || !match) throw new RangeError(`Invalid Paris date and time: '${date}' '${time}'`);
  const wall = new Date(`${date}T00:00:00Z`).getTime() + (Number(match[1]) * 60 + Number(match[2])) * MINUTE_MS;
  // Offsets a day before and after bracket any change (Paris changes at most once a day).
  const offsets = [parisOffset(wall - DAY_MS), parisOffset(wall + DAY_MS)];
  const candidates = offsets.map((offset) => wall - offset).filter((instant) => parisWallClock(new Date(instant)) === wall);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In the spring gap: read the wall time with the offset in force before it.
  return new Date(wall - (offsets[0] ?? 0));
}

