import { FRENCH_REGULATION as R } from '../regulation/french-regulation.js';
import type { ContractInput } from './contract.types.js';
import { checkContract } from './contract.rules.js';

/** A lawful 12-month ordinary contract for a 20-year-old paid 60 % of SMIC. */
const base: ContractInput = {
  kind: 'ORDINARY',
  birthDate: '2004-03-10',
  startDate: '2024-09-01',
  plannedEndDate: '2025-08-31',
  qualificationLevel: 3,
  payPercentOfSmic: 60,
};
const vae: ContractInput = { ...base, kind: 'VAE_INVERSEE' };

function codes(input: ContractInput): string[] {
  return checkContract(input, R).map((v) => v.code);
}

describe('checkContract', () => {
  it('accepts a lawful contract', () => {
    expect(checkContract(base, R)).toEqual([]);
    expect(checkContract(vae, R)).toEqual([]);
  });

  describe('dates', () => {
    it('reports each invalid date with its field', () => {
      const violations = checkContract({ ...base, startDate: '2024-02-30', trialEndDate: '2024-13-01' }, R);
      expect(violations.map((v) => [v.code, v.path])).toEqual([
        ['CONTRACT_DATE_INVALID', 'startDate'],
        ['CONTRACT_DATE_INVALID', 'trialEndDate'],
      ]);
    });
    it('requires the end after the start', () => {
      expect(codes({ ...base, plannedEndDate: '2024-09-01' })).toEqual(['CONTRACT_END_BEFORE_START']);
      expect(codes({ ...base, plannedEndDate: '2024-08-01' })).toEqual(['CONTRACT_END_BEFORE_START']);
    });
    it('checks the qualification level', () => {
      expect(codes({ ...base, qualificationLevel: 9 })).toEqual(['QUALIFICATION_LEVEL_INVALID']);
      expect(codes({ ...base, qualificationLevel: 2.5 })).toEqual(['QUALIFICATION_LEVEL_INVALID']);
    });
  });

  describe('age', () => {
    it('refuses a 15-year-old', () => {
      const [violation] = checkContract({ ...base, birthDate: '2008-09-02' }, R);
      expect(violation).toMatchObject({ code: 'CONTRACT_TOO_YOUNG', path: 'birthDate', details: { age: 15, minimumAge: 16 } });
      expect(violation?.message.fr).toContain('au moins 16 ans');
    });
    it('accepts someone turning 16 on the first day', () => {
      expect(codes({ ...base, birthDate: '2008-09-01', payPercentOfSmic: 55 })).toEqual([]);
    });
  });

  describe('VAE inversée length', () => {
    it('accepts exactly 36 months', () => {
      expect(codes({ ...vae, plannedEndDate: '2027-08-31' })).toEqual([]);
    });
    it('refuses 37 months, and even one day more than 36', () => {
      const [violation] = checkContract({ ...vae, plannedEndDate: '2027-09-30' }, R);
      expect(violation).toMatchObject({ code: 'CONTRACT_TOO_LONG', details: { maxMonths: 36, latestEndDate: '2027-08-31' } });
      expect(violation?.message.fr).toContain('31/08/2027');
      expect(codes({ ...vae, plannedEndDate: '2027-09-01' })).toEqual(['CONTRACT_TOO_LONG']);
    });
    it('has no minimum length', () => {
      expect(codes({ ...vae, plannedEndDate: '2024-10-31' })).toEqual([]);
    });
  });

  describe('ordinary contract length', () => {
    it('refuses 5 months, accepts 6', () => {
      const [violation] = checkContract({ ...base, plannedEndDate: '2025-01-31' }, R);
      expect(violation).toMatchObject({ code: 'CONTRACT_TOO_SHORT', details: { minMonths: 6, earliestEndDate: '2025-02-28' } });
      expect(codes({ ...base, plannedEndDate: '2025-02-28' })).toEqual([]);
    });
    it('refuses 13 months by default', () => {
      expect(checkContract({ ...base, plannedEndDate: '2025-09-30' }, R)[0]).toMatchObject({ code: 'CONTRACT_TOO_LONG', details: { maxMonths: 12 } });
    });
    it('allows 24 months by branch agreement, not 25', () => {
      expect(codes({ ...base, plannedEndDate: '2025-09-30', branchAgreementAllows24Months: true })).toEqual([]);
      expect(codes({ ...base, plannedEndDate: '2026-08-31', branchAgreementAllows24Months: true })).toEqual([]);
      expect(checkContract({ ...base, plannedEndDate: '2026-09-30', branchAgreementAllows24Months: true }, R)[0]).toMatchObject({
        code: 'CONTRACT_TOO_LONG',
        details: { maxMonths: 24 },
      });
    });
    it.each(['YOUNG_UNQUALIFIED_16_25', 'JOB_SEEKER_LONG_TERM', 'RSA', 'ASS', 'AAH', 'FORMER_CUI'])('allows 36 months for the priority public %s', (publicCategory) => {
      expect(codes({ ...base, plannedEndDate: '2027-08-31', publicCategory })).toEqual([]);
      expect(checkContract({ ...base, plannedEndDate: '2027-09-30', publicCategory }, R)[0]).toMatchObject({ code: 'CONTRACT_TOO_LONG', details: { maxMonths: 36 } });
    });
    it('gives a non-priority public 12 months', () => {
      expect(codes({ ...base, plannedEndDate: '2025-09-30', publicCategory: 'STUDENT' })).toEqual(['CONTRACT_TOO_LONG']);
    });
  });

  describe('trial period', () => {
    const sixMonths = { ...base, plannedEndDate: '2025-02-28' };
    it('allows at most 14 days for a contract of 6 months or less', () => {
      expect(codes({ ...sixMonths, trialEndDate: '2024-09-14' })).toEqual([]);
      const [violation] = checkContract({ ...sixMonths, trialEndDate: '2024-09-15' }, R);
      expect(violation).toMatchObject({ code: 'TRIAL_TOO_LONG', details: { trialDays: 15, maxTrialDays: 14, latestTrialEndDate: '2024-09-14' } });
      expect(violation?.message.fr).toContain('14/09/2024');
    });
    it('allows at most one month for a longer contract', () => {
      expect(codes({ ...base, trialEndDate: '2024-09-30' })).toEqual([]);
      expect(checkContract({ ...base, trialEndDate: '2024-10-01' }, R)[0]).toMatchObject({ code: 'TRIAL_TOO_LONG', details: { maxTrialDays: 30 } });
    });
    it('counts one day per week for a short VAE inversée contract', () => {
      // 1 Sept – 30 Nov: 91 days, 13 weeks.
      expect(checkContract({ ...vae, plannedEndDate: '2024-11-30', trialEndDate: '2024-09-14' }, R)[0]).toMatchObject({
        code: 'TRIAL_TOO_LONG',
        details: { maxTrialDays: 13 },
      });
    });
    it('refuses a trial ending before the start', () => {
      expect(codes({ ...base, trialEndDate: '2024-08-31' })).toEqual(['TRIAL_END_BEFORE_START']);
    });
  });

  describe('pay', () => {
    it('refuses less than 55 % under 21', () => {
      // SMIC 1 801.80 from 2024-11-01.
      const [violation] = checkContract({ ...base, startDate: '2024-11-01', plannedEndDate: '2025-10-31', payPercentOfSmic: 54 }, R);
      expect(violation).toMatchObject({ code: 'PAY_BELOW_MINIMUM', path: 'payPercentOfSmic', details: { minimumPercent: 55, minimumMonthlyGrossEur: 991 } });
      expect(violation?.message.fr).toContain('991 € brut par mois');
    });
    it('asks 65 % from qualification level 4', () => {
      expect(checkContract({ ...base, qualificationLevel: 4 }, R)[0]).toMatchObject({ code: 'PAY_BELOW_MINIMUM', details: { minimumPercent: 65 } });
      expect(codes({ ...base, qualificationLevel: 4, payPercentOfSmic: 65 })).toEqual([]);
    });
    it('uses the bracket in force at the start', () => {
      // Born 2003-05-17: 21 on 2024-05-17, 70 % from 2024-06-01.
      const young = { ...base, birthDate: '2003-05-17', payPercentOfSmic: 55 };
      expect(codes({ ...young, startDate: '2024-05-31', plannedEndDate: '2025-05-30' })).toEqual([]);
      expect(checkContract({ ...young, startDate: '2024-06-01', plannedEndDate: '2025-05-31' }, R)[0]).toMatchObject({
        code: 'PAY_BELOW_MINIMUM',
        details: { minimumPercent: 70 },
      });
    });
    it('asks 100 % from 26 and 85 % of the branch minimum', () => {
      const older = { ...base, birthDate: '1990-01-01', payPercentOfSmic: 100 };
      expect(codes(older)).toEqual([]);
      expect(codes({ ...older, payPercentOfSmic: 99 })).toEqual(['PAY_BELOW_MINIMUM']);
      // 85 % of 2 500 = 2 125 > 1 766.92 (SMIC on 2024-09-01); 121 % of it = 2 137.97.
      const [violation] = checkContract({ ...older, branchMinimumMonthlyGrossEur: 2500 }, R);
      expect(violation).toMatchObject({ code: 'PAY_BELOW_BRANCH_MINIMUM', details: { minimumMonthlyGrossEur: 2125 } });
      expect(codes({ ...older, branchMinimumMonthlyGrossEur: 2000 })).toEqual([]);
      expect(codes({ ...older, payPercentOfSmic: 121, branchMinimumMonthlyGrossEur: 2500 })).toEqual([]);
      expect(codes({ ...older, payPercentOfSmic: 120, branchMinimumMonthlyGrossEur: 2500 })).toEqual(['PAY_BELOW_BRANCH_MINIMUM']);
    });
    it('ignores the branch minimum before 26', () => {
      expect(codes({ ...base, branchMinimumMonthlyGrossEur: 2500 })).toEqual([]);
    });
  });

  describe('VAE inversée funding', () => {
    const sixMonths = { ...vae, startDate: '2024-01-01', plannedEndDate: '2024-06-30', birthDate: '2000-01-01', payPercentOfSmic: 80 };
    it('caps a 6-month contract at about 4 500 EUR', () => {
      expect(codes({ ...sixMonths, annualFundingEur: 4487 })).toEqual([]);
      const [violation] = checkContract({ ...sixMonths, annualFundingEur: 4500 }, R);
      expect(violation).toMatchObject({ code: 'FUNDING_ABOVE_CAP', path: 'annualFundingEur', details: { capEur: 4487.67 } });
      expect(violation?.message.fr).toContain('4 487,67 €');
    });
    it('caps each year of a longer contract at 9 000 EUR', () => {
      const twoYears = { ...sixMonths, plannedEndDate: '2025-12-31' };
      expect(codes({ ...twoYears, annualFundingEur: 9000 })).toEqual([]);
      expect(codes({ ...twoYears, annualFundingEur: 9001 })).toEqual(['FUNDING_ABOVE_CAP']);
    });
    it('does not apply to ordinary contracts', () => {
      expect(codes({ ...sixMonths, kind: 'ORDINARY', annualFundingEur: 20000 })).toEqual([]);
    });
  });

  describe('theory part of an ordinary contract', () => {
    // 12 months at 35 h: 35 × 365 / 7 = 1 825 h; 15 % = 273.75 h, 25 % = 456.25 h.
    const withHours = { ...base, weeklyHours: 35 };
    it('asks at least 15 % of the hours', () => {
      expect(checkContract({ ...withHours, theoryHours: 200 }, R)[0]).toMatchObject({ code: 'THEORY_TOO_SHORT', details: { minimumHours: 274 } });
      expect(codes({ ...withHours, theoryHours: 274 })).toEqual([]);
    });
    it('asks at least 150 h whatever the length', () => {
      expect(checkContract({ ...base, theoryHours: 149 }, R)[0]).toMatchObject({ code: 'THEORY_TOO_SHORT', details: { minimumHours: 150 } });
      expect(codes({ ...base, theoryHours: 150 })).toEqual([]);
    });
    it('caps it at 25 % unless a branch agreement allows more', () => {
      expect(checkContract({ ...withHours, theoryHours: 500 }, R)[0]).toMatchObject({ code: 'THEORY_TOO_LONG', details: { maximumHours: 456 } });
      expect(codes({ ...withHours, theoryHours: 500, branchAgreementAllowsMoreTheory: true })).toEqual([]);
    });
    it('is not checked for VAE inversée', () => {
      expect(codes({ ...vae, weeklyHours: 35, theoryHours: 10 })).toEqual([]);
    });
  });

  it('lists every broken rule together', () => {
    const input: ContractInput = {
      kind: 'VAE_INVERSEE',
      birthDate: '2009-01-01',
      startDate: '2024-09-01',
      plannedEndDate: '2028-01-31',
      trialEndDate: '2024-11-30',
      payPercentOfSmic: 40,
      qualificationLevel: 0,
      annualFundingEur: 12000,
    };
    expect(codes(input)).toEqual(['CONTRACT_TOO_YOUNG', 'CONTRACT_TOO_LONG', 'TRIAL_TOO_LONG', 'PAY_BELOW_MINIMUM', 'FUNDING_ABOVE_CAP']);
  });

  it('reads numbers from the regulation it is given', () => {
    const strict = { ...R, contract: { ...R.contract, minimumAge: 18, vaeInversee: { maxMonths: 24 } } };
    expect(checkContract({ ...vae, birthDate: '2007-01-01', plannedEndDate: '2026-09-30' }, strict).map((v) => v.code)).toEqual([
      'CONTRACT_TOO_YOUNG',
      'CONTRACT_TOO_LONG',
    ]);
  });
});
