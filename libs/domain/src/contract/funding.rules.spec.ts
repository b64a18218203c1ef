import { FRENCH_REGULATION as R } from '../regulation/french-regulation.js';
import { annualFundingCap, fundingCap } from './funding.rules.js';

describe('fundingCap', () => {
  it('pro-rates 9 000 EUR a year by days: 6 months ≈ 4 500', () => {
    expect(fundingCap('2024-01-01', '2024-06-30', R)).toBe(4487.67); // 182 days
    expect(fundingCap('2024-09-01', '2025-02-28', R)).toBe(4463.01); // 181 days
  });
  it('gives 9 000 per whole year, leap years included', () => {
    expect(fundingCap('2024-01-01', '2024-12-31', R)).toBe(9000);
    expect(fundingCap('2024-09-01', '2027-08-31', R)).toBe(27000);
  });
  it('adds the pro-rated rest to whole years', () => {
    expect(fundingCap('2024-01-01', '2025-06-30', R)).toBe(13463.01); // 9 000 + 181 days
  });
  it('is 0 for an end before the start', () => {
    expect(fundingCap('2024-01-01', '2023-12-01', R)).toBe(0);
  });
});

describe('annualFundingCap', () => {
  it('is the whole cap for a contract under a year, 9 000 beyond', () => {
    expect(annualFundingCap('2024-01-01', '2024-06-30', R)).toBe(4487.67);
    expect(annualFundingCap('2024-01-01', '2026-06-30', R)).toBe(9000);
  });
});
