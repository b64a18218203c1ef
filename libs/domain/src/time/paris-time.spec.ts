import { parisDate, parisInstant } from './paris-time.js';

describe('parisDate', () => {
  it('is the Paris day, not the UTC one', () => {
    // 23:30 UTC in winter is already 00:30 the next day in Paris (UTC+1).
    expect(parisDate(new Date('2024-01-31T23:30:00Z'))).toBe('2024-02-01');
    expect(parisDate(new Date('2024-01-31T22:59:59Z'))).toBe('2024-01-31');
    // In summer Paris is UTC+2.
    expect(parisDate(new Date('2024-07-14T21:59:59Z'))).toBe('2024-07-14');
    expect(parisDate(new Date('2024-07-14T22:00:00Z'))).toBe('2024-07-15');
    expect(parisDate(new Date('2024-12-31T23:00:00Z'))).toBe('2025-01-01');
  });
  it('refuses an invalid Date', () => {
    expect(() => parisDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('parisInstant', () => {
  it('uses UTC+1 in winter and UTC+2 in summer', () => {
    expect(parisInstant('2026-01-15', '08:00').toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(parisInstant('2026-07-15', '08:00').toISOString()).toBe('2026-07-15T06:00:00.000Z');
    expect(parisInstant('2026-01-15', '00:00').toISOString()).toBe('2026-01-14T23:00:00.000Z');
  });

  describe('spring change, Sunday 2026-03-29 (02:00 → 03:00)', () => {
    it('reads times before and after the change with their own offset', () => {
      expect(parisInstant('2026-03-29', '01:59').toISOString()).toBe('2026-03-29T00:59:00.000Z');
      expect(parisInstant('2026-03-29', '03:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
      expect(parisInstant('2026-03-29', '08:00').toISOString()).toBe('2026-03-29T06:00:00.000Z');
      expect(parisInstant('2026-03-28', '08:00').toISOString()).toBe('2026-03-28T07:00:00.000Z');
    });
    it('moves a skipped time forward by the gap', () => {
      expect(parisInstant('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    });
  });

  describe('autumn change, Sunday 2026-10-25 (03:00 → 02:00)', () => {
    it('reads times before and after the change with their own offset', () => {
      expect(parisInstant('2026-10-25', '01:00').toISOString()).toBe('2026-10-24T23:00:00.000Z');
      expect(parisInstant('2026-10-25', '08:00').toISOString()).toBe('2026-10-25T07:00:00.000Z');
      expect(parisInstant('2026-10-24', '08:00').toISOString()).toBe('2026-10-24T06:00:00.000Z');
    });
    it('takes the first of a repeated time (summer time)', () => {
      expect(parisInstant('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    });
  });

  it('round-trips with parisDate every day of a year at 08:00 and 00:00', () => {
    for (let day = 0; day < 366; day++) {
      const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
      expect(parisDate(parisInstant(date, '08:00'))).toBe(date);
      expect(parisDate(parisInstant(date, '00:00'))).toBe(date);
    }
  });

  it('refuses malformed input', () => {
    expect(() => parisInstant('2026-02-30', '08:00')).toThrow(RangeError);
    expect(() => parisInstant('2026-02-10', '8:00')).toThrow(RangeError);
    expect(() => parisInstant('2026-02-10', '24:00')).toThrow(RangeError);
  });
});
