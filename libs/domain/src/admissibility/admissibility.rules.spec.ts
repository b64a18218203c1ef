import { FRENCH_REGULATION as R } from '../regulation/french-regulation.js';
import { admissibilityValidUntil, checkAdmissibilityQuota, implicitAdmissibilityDate, isAdmissibilityValidOn } from './admissibility.rules.js';

describe('checkAdmissibilityQuota', () => {
  const full = (certificationId: string) => ({ certificationId, blocsOnly: false });
  const blocs = (certificationId: string) => ({ certificationId, blocsOnly: true });

  it('accepts a first request', () => {
    expect(checkAdmissibilityQuota({ certificationId: 'A', blocsOnly: false, year: 2026, requestsThisYear: [] }, R)).toBeNull();
  });
  it('refuses a second request for the same certification in the year', () => {
    const violation = checkAdmissibilityQuota({ certificationId: 'A', blocsOnly: false, year: 2026, requestsThisYear: [full('A')] }, R);
    expect(violation).toMatchObject({ code: 'ADMISSIBILITY_QUOTA_CERTIFICATION', details: { year: 2026, max: 1 } });
    expect(violation?.message.fr).toContain('en 2026');
  });
  it('refuses a fourth certification in the year', () => {
    const requestsThisYear = [full('A'), full('B'), full('C')];
    expect(checkAdmissibilityQuota({ certificationId: 'D', blocsOnly: false, year: 2026, requestsThisYear }, R)).toMatchObject({
      code: 'ADMISSIBILITY_QUOTA_YEAR',
      details: { max: 3, certifications: 3 },
    });
    expect(checkAdmissibilityQuota({ certificationId: 'D', blocsOnly: false, year: 2026, requestsThisYear: [full('A'), full('B')] }, R)).toBeNull();
  });
  it('does not count requests for blocs', () => {
    const requestsThisYear = [blocs('A'), blocs('B'), blocs('C'), full('E'), full('F')];
    expect(checkAdmissibilityQuota({ certificationId: 'A', blocsOnly: false, year: 2026, requestsThisYear }, R)).toBeNull();
    expect(checkAdmissibilityQuota({ certificationId: 'D', blocsOnly: false, year: 2026, requestsThisYear }, R)).toBeNull();
  });
  it('does not limit requests for blocs', () => {
    const requestsThisYear = [full('A'), full('B'), full('C'), blocs('A')];
    expect(checkAdmissibilityQuota({ certificationId: 'A', blocsOnly: true, year: 2026, requestsThisYear }, R)).toBeNull();
    expect(checkAdmissibilityQuota({ certificationId: 'D', blocsOnly: true, year: 2026, requestsThisYear }, R)).toBeNull();
  });
});

describe('implicitAdmissibilityDate', () => {
  it('is 2 months after the complete file', () => {
    expect(implicitAdmissibilityDate('2026-01-15', R)).toBe('2026-03-15');
    expect(implicitAdmissibilityDate('2025-12-31', R)).toBe('2026-02-28');
  });
});

describe('admissibilityValidUntil / isAdmissibilityValidOn', () => {
  it('adds the certification validity', () => {
    expect(admissibilityValidUntil('2026-03-15', 12)).toBe('2027-03-15');
    expect(admissibilityValidUntil('2026-03-31', 36)).toBe('2029-03-31');
  });
  it('is valid up to its last day included', () => {
    expect(isAdmissibilityValidOn('2027-03-15', '2027-03-15')).toBe(true);
    expect(isAdmissibilityValidOn('2027-03-15', '2027-03-16')).toBe(false);
  });
});
