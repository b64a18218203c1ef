import {
  addDays,
  addMonths,
  addYears,
  ageOn,
  compareDates,
  daysInMonth,
  diffInDays,
  firstDayOfNextMonth,
  frenchDate,
  isValidLocalDate,
  maxDate,
  minDate,
  monthsBetween,
  yearOf,
} from './local-date.js';

describe('isValidLocalDate', () => {
  it.each(['2024-02-29', '2023-12-31', '2000-02-29', '0099-01-01'])('accepts %s', (date) => {
    expect(isValidLocalDate(date)).toBe(true);
  });
  it.each(['2024-02-30', '2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-01', '24-01-01', '2024-01-01T00:00', '', 20240101, null])(
    'rejects %p',
    (value) => {
      expect(isValidLocalDate(value)).toBe(false);
    },
  );
});

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // across the DST change: still whole days
  });
  it('throws on an invalid date', () => {
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
  });
});

describe('addMonths / addYears', () => {
  it('clamps to the end of the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', 1)).toBe('2024-04-30');
    expect(addMonths('2024-05-15', 2)).toBe('2024-07-15');
  });
  it('crosses years both ways', () => {
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2024-01-15', -1)).toBe('2023-12-15');
    expect(addMonths('2024-03-31', -13)).toBe('2023-02-28');
    expect(addMonths('2024-09-01', 36)).toBe('2027-09-01');
  });
  it('adds years, clamping 29 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2003-05-17', 21)).toBe('2024-05-17');
  });
});

describe('diffInDays / compareDates / minDate / maxDate', () => {
  it('counts days from the first to the second date', () => {
    expect(diffInDays('2024-01-01', '2024-12-31')).toBe(365);
    expect(diffInDays('2023-01-01', '2023-12-31')).toBe(364);
    expect(diffInDays('2024-03-01', '2024-02-28')).toBe(-2);
    expect(diffInDays('2026-10-24', '2026-10-26')).toBe(2);
  });
  it('compares', () => {
    expect(compareDates('2024-01-01', '2024-01-02')).toBe(-1);
    expect(compareDates('2024-01-02', '2024-01-01')).toBe(1);
    expect(compareDates('2024-01-02', '2024-01-02')).toBe(0);
    expect(['2024-03-01', '2023-12-31', '2024-01-15'].sort(compareDates)).toEqual(['2023-12-31', '2024-01-15', '2024-03-01']);
    expect(minDate('2024-03-01', '2024-02-01')).toBe('2024-02-01');
    expect(maxDate('2024-03-01', '2024-02-01')).toBe('2024-03-01');
  });
});

describe('yearOf / daysInMonth / firstDayOfNextMonth', () => {
  it('reads the year', () => {
    expect(yearOf('2026-07-14')).toBe(2026);
  });
  it('knows month lengths', () => {
    expect([1, 2, 4, 12].map((m) => daysInMonth(2024, m))).toEqual([31, 29, 30, 31]);
    expect(daysInMonth(2100, 2)).toBe(28);
  });
  it('gives the 1st of the following month, even from a 1st', () => {
    expect(firstDayOfNextMonth('2024-05-17')).toBe('2024-06-01');
    expect(firstDayOfNextMonth('2024-05-01')).toBe('2024-06-01');
    expect(firstDayOfNextMonth('2024-12-31')).toBe('2025-01-01');
  });
});

describe('ageOn', () => {
  it('counts whole years, the birthday included', () => {
    expect(ageOn('2008-09-02', '2024-09-01')).toBe(15);
    expect(ageOn('2008-09-02', '2024-09-02')).toBe(16);
    expect(ageOn('2000-12-31', '2024-01-01')).toBe(23);
  });
  it('ages someone born on 29 February on 1 March in common years', () => {
    expect(ageOn('2004-02-29', '2025-02-28')).toBe(20);
    expect(ageOn('2004-02-29', '2025-03-01')).toBe(21);
    expect(ageOn('2004-02-29', '2024-02-29')).toBe(20);
  });
});

describe('monthsBetween', () => {
  it('counts whole months', () => {
    expect(monthsBetween('2024-01-15', '2024-02-14')).toBe(0);
    expect(monthsBetween('2024-01-15', '2024-02-15')).toBe(1);
    expect(monthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(monthsBetween('2024-01-31', '2024-03-30')).toBe(1);
    expect(monthsBetween('2024-01-31', '2024-03-31')).toBe(2);
    expect(monthsBetween('2024-09-01', '2027-09-01')).toBe(36);
    expect(monthsBetween('2024-09-01', '2027-08-31')).toBe(35);
  });
  it('is negative backwards', () => {
    expect(monthsBetween('2024-03-15', '2024-01-15')).toBe(-2);
    expect(monthsBetween('2024-03-15', '2024-03-15')).toBe(0);
  });
});

describe('frenchDate', () => {
  it('writes DD/MM/YYYY', () => {
    expect(frenchDate('2025-08-31')).toBe('31/08/2025');
    expect(frenchDate('2026-01-05')).toBe('05/01/2026');
  });
});
