import { FRENCH_REGULATION as R } from '../regulation/french-regulation.js';
import { checkJuryDate, hasJuryDatePassed } from './jury.rules.js';

describe('checkJuryDate', () => {
  const today = '2026-03-10';
  it('accepts tomorrow and 24 months ahead', () => {
    expect(checkJuryDate({ date: '2026-03-11', today }, R)).toEqual({ violation: null, warnings: [] });
    expect(checkJuryDate({ date: '2028-03-10', today }, R)).toEqual({ violation: null, warnings: [] });
  });
  it('refuses today and past dates', () => {
    for (const date of ['2026-03-10', '2026-03-09', '2020-01-01']) {
      const { violation } = checkJuryDate({ date, today }, R);
      expect(violation).toMatchObject({ code: 'JURY_DATE_NOT_FUTURE', path: 'date' });
      expect(violation?.message.fr).toContain('date passée');
    }
  });
  it('refuses more than 24 months ahead', () => {
    const { violation } = checkJuryDate({ date: '2028-03-11', today }, R);
    expect(violation).toMatchObject({ code: 'JURY_DATE_TOO_FAR', details: { latestDate: '2028-03-10' } });
    expect(violation?.message.fr).toContain('10/03/2028');
  });
  it('refuses an invalid date', () => {
    expect(checkJuryDate({ date: '2026-02-30', today }, R).violation?.code).toBe('JURY_DATE_INVALID');
  });
  it('warns, without refusing, when the jury is after the contract end', () => {
    const result = checkJuryDate({ date: '2026-09-01', today, contractEnd: '2026-08-31' }, R);
    expect(result.violation).toBeNull();
    expect(result.warnings.map((w) => w.code)).toEqual(['JURY_AFTER_CONTRACT_END']);
    expect(result.warnings[0]?.message.fr).toContain('31/08/2026');
    expect(checkJuryDate({ date: '2026-08-31', today, contractEnd: '2026-08-31' }, R).warnings).toEqual([]);
    expect(checkJuryDate({ date: '2026-09-01', today, contractEnd: null }, R).warnings).toEqual([]);
  });
});

describe('hasJuryDatePassed', () => {
  it('is true from the day after the jury', () => {
    expect(hasJuryDatePassed('2026-03-10', '2026-03-09')).toBe(false);
    expect(hasJuryDatePassed('2026-03-10', '2026-03-10')).toBe(false);
    expect(hasJuryDatePassed('2026-03-10', '2026-03-11')).toBe(true);
    expect(hasJuryDatePassed('2026-03-10', '2027-04-01')).toBe(true);
  });
});
