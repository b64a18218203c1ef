import { compareDates } from '../time/local-date.js';
import { FRENCH_REGULATION } from './french-regulation.js';
import { smicOn } from './smic.js';

describe('smicOn', () => {
  it('picks the rate in force on the day', () => {
    expect(smicOn(FRENCH_REGULATION, '2024-01-01')).toBe(1766.92);
    expect(smicOn(FRENCH_REGULATION, '2024-10-31')).toBe(1766.92);
    expect(smicOn(FRENCH_REGULATION, '2024-11-01')).toBe(1801.8);
    expect(smicOn(FRENCH_REGULATION, '2025-06-15')).toBe(1801.8);
    expect(smicOn(FRENCH_REGULATION, '2026-01-01')).toBe(1823.03);
  });
  it('does not depend on the order of the table', () => {
    const shuffled = { ...FRENCH_REGULATION, smic: [...FRENCH_REGULATION.smic].reverse() };
    expect(smicOn(shuffled, '2024-12-01')).toBe(1801.8);
    expect(smicOn(shuffled, '2024-06-01')).toBe(1766.92);
  });
  it('throws before the table starts', () => {
    expect(() => smicOn(FRENCH_REGULATION, '2022-12-31')).toThrow(RangeError);
  });
});

describe('FRENCH_REGULATION', () => {
  it('keeps the SMIC table sorted', () => {
    const dates = FRENCH_REGULATION.smic.map((r) => r.effectiveFrom);
    expect([...dates].sort(compareDates)).toEqual(dates);
  });
  it('keeps pay brackets sorted and starting at 0', () => {
    expect(FRENCH_REGULATION.pay.brackets.map((b) => b.fromAge)).toEqual([0, 21, 26]);
  });
});
