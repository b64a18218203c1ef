import { compareDates, type LocalDate } from '../time/local-date.js';
import type { Regulation, SmicRate } from './regulation.types.js';

/**
 * The SMIC monthly gross amount in force on a day: the latest rate whose
 * effective date is not after it. A day before the table is a programming
 * error (the table starts before any contract the service accepts).
 */
export function smicOn(regulation: Regulation, date: LocalDate): number {
  let inForce: SmicRate | null = null;
  for (const rate of regulation.smic) {
    const started = compareDates(rate.effectiveFrom, date) <= 0;
    if (started && (inForce === null || compareDates(rate.effectiveFrom, inForce.effectiveFrom) > 0)) inForce = rate;
  }
  if (inForce === null) throw new RangeError(`No SMIC rate in force on ${date}`);
  return inForce.monthlyGrossEur;
}
