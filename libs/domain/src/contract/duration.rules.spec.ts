import { FRENCH_REGULATION as R } from '../regulation/french-regulation.js';
import { contractMonths, lastsLessThan, lastsLongerThan, latestEndDate, maximumContractMonths, minimumContractMonths } from './duration.rules.js';

describe('contract length', () => {
  it('counts the end day as worked', () => {
    expect(contractMonths('2024-09-01', '2025-08-31')).toBe(12);
    expect(contractMonths('2024-09-01', '2025-08-30')).toBe(11);
    expect(lastsLongerThan('2024-09-01', '2025-08-31', 12)).toBe(false);
    expect(lastsLongerThan('2024-09-01', '2025-09-01', 12)).toBe(true);
    expect(lastsLessThan('2024-09-01', '2025-02-28', 6)).toBe(false);
    expect(lastsLessThan('2024-09-01', '2025-02-27', 6)).toBe(true);
    expect(latestEndDate('2024-01-31', 1)).toBe('2024-02-28');
  });
  it('picks the maximum by kind, public and branch agreement', () => {
    expect(maximumContractMonths({ kind: 'VAE_INVERSEE', branchAgreementAllows24Months: true }, R)).toBe(36);
    expect(maximumContractMonths({ kind: 'ORDINARY' }, R)).toBe(12);
    expect(maximumContractMonths({ kind: 'ORDINARY', branchAgreementAllows24Months: true }, R)).toBe(24);
    expect(maximumContractMonths({ kind: 'ORDINARY', publicCategory: 'RSA' }, R)).toBe(36);
    expect(minimumContractMonths('ORDINARY', R)).toBe(6);
    expect(minimumContractMonths('VAE_INVERSEE', R)).toBeNull();
  });
});
