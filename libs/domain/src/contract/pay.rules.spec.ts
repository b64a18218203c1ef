import { FRENCH_REGULATION as R } from '../regulation/french-regulation.js';
import { minimumPayPercent, monthlyMinimumGross, payBracketChanges, payBracketOn } from './pay.rules.js';

describe('minimumPayPercent', () => {
  // Born 2003-05-17: 21 on 2024-05-17, 26 on 2029-05-17.
  const birth = '2003-05-17';
  it('is 55 % under 21, 65 % from qualification level 4', () => {
    expect(minimumPayPercent(birth, 0, '2024-05-31', R)).toBe(55);
    expect(minimumPayPercent(birth, 3, '2024-05-31', R)).toBe(55);
    expect(minimumPayPercent(birth, 4, '2024-05-31', R)).toBe(65);
    expect(minimumPayPercent(birth, 6, '2024-05-31', R)).toBe(65);
  });
  it('switches to 70 % / 80 % on the 1st of the month after the 21st birthday, not on the birthday', () => {
    expect(minimumPayPercent(birth, 0, '2024-05-17', R)).toBe(55);
    expect(minimumPayPercent(birth, 0, '2024-06-01', R)).toBe(70);
    expect(minimumPayPercent(birth, 4, '2024-06-01', R)).toBe(80);
  });
  it('switches to 100 % on the 1st of the month after the 26th birthday', () => {
    expect(minimumPayPercent(birth, 0, '2029-05-31', R)).toBe(70);
    expect(minimumPayPercent(birth, 4, '2029-05-31', R)).toBe(80);
    expect(minimumPayPercent(birth, 0, '2029-06-01', R)).toBe(100);
    expect(minimumPayPercent(birth, 4, '2029-06-01', R)).toBe(100);
  });
  it('waits for the next month even when the birthday is a 1st', () => {
    expect(minimumPayPercent('2003-05-01', 0, '2024-05-31', R)).toBe(55);
    expect(minimumPayPercent('2003-05-01', 0, '2024-06-01', R)).toBe(70);
  });
  it('exposes the bracket', () => {
    expect(payBracketOn(birth, '2030-01-01', R)).toEqual({ fromAge: 26, percentOfSmic: 100, percentOfSmicIfQualified: 100 });
  });
});

describe('monthlyMinimumGross', () => {
  it('is 55 % of 1 801.80 rounded to the euro: 991', () => {
    expect(monthlyMinimumGross('2005-01-01', 0, '2024-11-01', R)).toBe(991);
  });
  it('follows the SMIC in force on the day', () => {
    expect(monthlyMinimumGross('2005-01-01', 0, '2024-10-31', R)).toBe(972); // 55 % of 1 766.92 = 971.81
    expect(monthlyMinimumGross('2005-01-01', 4, '2024-11-01', R)).toBe(1171); // 65 % of 1 801.80 = 1 171.17
    expect(monthlyMinimumGross('1990-01-01', 0, '2026-01-01', R)).toBe(1823);
  });
});

describe('payBracketChanges', () => {
  it('lists the 1st of the month after the 21st and 26th birthdays', () => {
    expect(payBracketChanges('2003-05-17', '2024-01-01', '2030-12-31', R)).toEqual(['2024-06-01', '2029-06-01']);
  });
  it('keeps only changes after the start and up to the end', () => {
    expect(payBracketChanges('2003-05-17', '2024-06-01', '2029-06-01', R)).toEqual(['2029-06-01']);
    expect(payBracketChanges('2003-05-17', '2024-01-01', '2024-05-31', R)).toEqual([]);
    expect(payBracketChanges('2003-12-20', '2024-01-01', '2025-12-31', R)).toEqual(['2025-01-01']);
  });
});
