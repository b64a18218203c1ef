import { FRENCH_REGULATION as R } from '../regulation/french-regulation.js';
import { latestTrialEndDate, maximumTrialDays } from './trial.rules.js';

describe('maximumTrialDays', () => {
  it('caps a contract of 6 months or less at 14 days', () => {
    expect(maximumTrialDays('2024-09-01', '2025-02-28', R)).toBe(14);
    expect(maximumTrialDays('2024-01-01', '2024-06-30', R)).toBe(14);
  });
  it('caps a longer contract at one calendar month', () => {
    expect(maximumTrialDays('2024-09-01', '2025-08-31', R)).toBe(30);
    expect(maximumTrialDays('2024-01-01', '2024-12-31', R)).toBe(31);
    expect(maximumTrialDays('2025-02-01', '2026-01-31', R)).toBe(28);
  });
  it('counts one day per whole week below the cap', () => {
    expect(maximumTrialDays('2024-09-01', '2024-11-30', R)).toBe(13); // 91 days
    expect(maximumTrialDays('2024-09-01', '2024-09-13', R)).toBe(1); // 13 days
    expect(maximumTrialDays('2024-09-01', '2024-09-05', R)).toBe(0);
    expect(maximumTrialDays('2024-01-01', '2024-07-31', R)).toBe(30); // 7 months, 30 weeks, January has 31 days
  });
  it('gives the last trial day', () => {
    expect(latestTrialEndDate('2024-09-01', '2025-08-31', R)).toBe('2024-09-30');
    expect(latestTrialEndDate('2024-09-01', '2024-09-05', R)).toBeNull();
  });
});
