import type { Regulation } from '../regulation/regulation.types.js';
import { ruleViolation, type RuleViolation } from '../regulation/rule.types.js';
import { smicOn } from '../regulation/smic.js';
import { ageOn, compareDates, frenchDate, isValidLocalDate } from '../time/local-date.js';
import type { ContractInput } from './contract.types.js';
import { contractDays, lastsLessThan, lastsLongerThan, latestEndDate, maximumContractMonths } from './duration.rules.js';
import { annualFundingCap } from './funding.rules.js';
import { minimumPayPercent, monthlyMinimumGross, payBracketOn } from './pay.rules.js';
import { latestTrialEndDate, maximumTrialDays } from './trial.rules.js';

/** 4 487,67 € (plain spaces: messages end up in e-mails and logs). */
function euros(amount: number): string {
  return `${amount.toLocaleString('fr-FR', { maximumFractionDigits: 2 })} €`.replace(/\u202f|\u00a0/g, ' ');
}

const DATE_FIELDS = [
  ['birthDate', 'La date de naissance', 'The birth date'],
  ['startDate', 'La date de début du contrat', 'The contract start date'],
  ['plannedEndDate', 'La date de fin prévue du contrat', 'The planned end date'],
  ['trialEndDate', 'La date de fin de la période d’essai', 'The trial end date'],
] as const;

/**
 * Every rule the contract breaks, all at once, so the coordinator fixes the
 * form in one go. Empty when the contract is lawful.
 */
export function checkContract(input: ContractInput, regulation: Regulation): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const [field, fr, en] of DATE_FIELDS) {
    const value = input[field];
    if (value !== undefined && !isValidLocalDate(value)) {
      violations.push(ruleViolation('CONTRACT_DATE_INVALID', `${fr} n’est pas une date valide.`, `${en} is not a valid date.`, { path: field }));
    }
  }
  if (!Number.isInteger(input.qualificationLevel) || input.qualificationLevel < 0 || input.qualificationLevel > 8) {
    violations.push(
      ruleViolation(
        'QUALIFICATION_LEVEL_INVALID',
        'Le niveau de qualification doit être un niveau RNCP de 0 (aucun) à 8.',
        'The qualification level must be an RNCP level from 0 (none) to 8.',
        { path: 'qualificationLevel' },
      ),
    );
  }
  // The other rules compute on the dates: stop here if they cannot be read.
  if (violations.length > 0) return violations;

  const { startDate, plannedEndDate } = input;
  if (compareDates(plannedEndDate, startDate) <= 0) {
    violations.push(
      ruleViolation(
        'CONTRACT_END_BEFORE_START',
        'La date de fin prévue doit être postérieure à la date de début du contrat.',
        'The planned end date must be after the start date.',
        { path: 'plannedEndDate' },
      ),
    );
    return violations;
  }

  violations.push(...checkAge(input, regulation), ...checkLength(input, regulation), ...checkTrial(input, regulation));
  violations.push(...checkPay(input, regulation), ...checkFunding(input, regulation), ...checkTheory(input, regulation));
  return violations;
}

function checkAge(input: ContractInput, regulation: Regulation): RuleViolation[] {
  const age = ageOn(input.birthDate, input.startDate);
  const min = regulation.contract.minimumAge;
  if (age >= min) return [];
  return [
    ruleViolation(
      'CONTRACT_TOO_YOUNG',
      `La personne aura ${age} ans au début du contrat : il faut avoir au moins ${min} ans pour signer un contrat de professionnalisation.`,
      `The person will be ${age} at the start of the contract: the minimum age is ${min}.`,
      { path: 'birthDate', details: { age, minimumAge: min } },
    ),
  ];
}

function checkLength(input: ContractInput, regulation: Regulation): RuleViolation[] {
  const { kind, startDate, plannedEndDate } = input;
  const max = maximumContractMonths(input, regulation);
  if (lastsLongerThan(startDate, plannedEndDate, max)) {
    const latest = latestEndDate(startDate, max);
    const why =
      kind === 'VAE_INVERSEE'
        ? { fr: 'un contrat de VAE inversée', en: 'a VAE inversée contract' }
        : { fr: 'ce contrat de professionnalisation (selon le public et l’accord de branche)', en: 'this contract (given the public and branch agreement)' };
    return [
      ruleViolation(
        'CONTRACT_TOO_LONG',
        `Le contrat dépasse la durée maximale de ${max} mois pour ${why.fr} : il doit finir au plus tard le ${frenchDate(latest)}.`,
        `The contract exceeds the maximum of ${max} months for ${why.en}: it must end by ${latest}.`,
        { path: 'plannedEndDate', details: { maxMonths: max, latestEndDate: latest } },
      ),
    ];
  }
  const min = regulation.contract.ordinary.minMonths;
  if (kind === 'ORDINARY' && lastsLessThan(startDate, plannedEndDate, min)) {
    const earliest = latestEndDate(startDate, min);
    return [
      ruleViolation(
        'CONTRACT_TOO_SHORT',
        `Un contrat de professionnalisation dure au moins ${min} mois : il doit finir au plus tôt le ${frenchDate(earliest)}.`,
        `A contrat de professionnalisation lasts at least ${min} months: it must end on ${earliest} or later.`,
        { path: 'plannedEndDate', details: { minMonths: min, earliestEndDate: earliest } },
      ),
    ];
  }
  return [];
}

function checkTrial(input: ContractInput, regulation: Regulation): RuleViolation[] {
  const { startDate, plannedEndDate, trialEndDate } = input;
  if (trialEndDate === undefined) return [];
  if (compareDates(trialEndDate, startDate) < 0) {
    return [
      ruleViolation(
        'TRIAL_END_BEFORE_START',
        'La fin de la période d’essai ne peut pas précéder le début du contrat.',
        'The trial period cannot end before the contract starts.',
        { path: 'trialEndDate' },
      ),
    ];
  }
  const maxDays = maximumTrialDays(startDate, plannedEndDate, regulation);
  const days = contractDays(startDate, trialEndDate);
  if (days <= maxDays) return [];
  const latest = latestTrialEndDate(startDate, plannedEndDate, regulation);
  return [
    ruleViolation(
      'TRIAL_TOO_LONG',
      `La période d’essai dure ${days} jours : pour ce contrat elle ne peut pas dépasser ${maxDays} jours` +
        (latest ? ` (fin au plus tard le ${frenchDate(latest)}).` : '.'),
      `The trial period lasts ${days} days: for this contract it may last at most ${maxDays} days.`,
      { path: 'trialEndDate', details: { trialDays: days, maxTrialDays: maxDays, latestTrialEndDate: latest } },
    ),
  ];
}

function checkPay(input: ContractInput, regulation: Regulation): RuleViolation[] {
  const { birthDate, startDate, qualificationLevel, payPercentOfSmic } = input;
  if (payPercentOfSmic === undefined) return [];
  const violations: RuleViolation[] = [];
  const minPercent = minimumPayPercent(birthDate, qualificationLevel, startDate, regulation);
  if (payPercentOfSmic < minPercent) {
    const minGross = safe(() => monthlyMinimumGross(birthDate, qualificationLevel, startDate, regulation));
    violations.push(
      ruleViolation(
        'PAY_BELOW_MINIMUM',
        `Le salaire prévu (${payPercentOfSmic} % du SMIC) est inférieur au minimum légal de ${minPercent} % du SMIC pour cette personne au début du contrat` +
          (minGross !== null ? `, soit ${euros(minGross)} brut par mois.` : '.'),
        `The planned pay (${payPercentOfSmic} % of SMIC) is below the legal minimum of ${minPercent} % for this person at the start.`,
        { path: 'payPercentOfSmic', details: { minimumPercent: minPercent, minimumMonthlyGrossEur: minGross } },
      ),
    );
  }
  const brackets = regulation.pay.brackets;
  const branchMinimum = input.branchMinimumMonthlyGrossEur;
  const lastBracket = brackets[brackets.length - 1];
  const inLastBracket = payBracketOn(birthDate, startDate, regulation) === lastBracket;
  const smic = safe(() => smicOn(regulation, startDate));
  if (branchMinimum !== undefined && inLastBracket && smic !== null) {
    const floor = Math.round((branchMinimum * regulation.pay.branchMinimumPercent) / 100);
    const pay = Math.round((smic * payPercentOfSmic) / 100);
    if (pay < floor) {
      violations.push(
        ruleViolation(
          'PAY_BELOW_BRANCH_MINIMUM',
          `À partir de ${lastBracket?.fromAge ?? ''} ans, le salaire doit atteindre ${regulation.pay.branchMinimumPercent} % du minimum de la branche, soit ${euros(floor)} brut par mois.`,
          `From ${lastBracket?.fromAge ?? ''}, pay must reach ${regulation.pay.branchMinimumPercent} % of the branch minimum: ${floor} EUR gross a month.`,
          { path: 'payPercentOfSmic', details: { minimumMonthlyGrossEur: floor } },
        ),
      );
    }
  }
  return violations;
}

function checkFunding(input: ContractInput, regulation: Regulation): RuleViolation[] {
  if (input.kind !== 'VAE_INVERSEE' || input.annualFundingEur === undefined) return [];
  const cap = annualFundingCap(input.startDate, input.plannedEndDate, regulation);
  if (input.annualFundingEur <= cap) return [];
  return [
    ruleViolation(
      'FUNDING_ABOVE_CAP',
      `Le financement OPCO (${euros(input.annualFundingEur)} par an) dépasse le plafond de la VAE inversée : ${euros(cap)} pour ce contrat (${euros(regulation.funding.vaeInverseeCapPerYearEur)} par an, au prorata de sa durée).`,
      `The OPCO funding (${input.annualFundingEur} EUR a year) exceeds the VAE inversée cap of ${cap} EUR for this contract.`,
      { path: 'annualFundingEur', details: { capEur: cap } },
    ),
  ];
}

function checkTheory(input: ContractInput, regulation: Regulation): RuleViolation[] {
  const { theoryHours, weeklyHours } = input;
  if (input.kind !== 'ORDINARY' || theoryHours === undefined) return [];
  const theory = regulation.contract.ordinary.theory;
  const totalHours = weeklyHours !== undefined && weeklyHours > 0 ? (weeklyHours * contractDays(input.startDate, input.plannedEndDate)) / 7 : null;
  const share = totalHours !== null ? (theoryHours / totalHours) * 100 : null;
  const minHours = Math.max(theory.minHours, totalHours !== null ? (totalHours * theory.minSharePercent) / 100 : 0);
  if (theoryHours < minHours) {
    const needed = Math.ceil(minHours);
    return [
      ruleViolation(
        'THEORY_TOO_SHORT',
        `La formation théorique prévue (${theoryHours} h) est trop courte : il faut au moins ${needed} h (${theory.minSharePercent} % de la durée du contrat et jamais moins de ${theory.minHours} h).`,
        `The theory part (${theoryHours} h) is too short: at least ${needed} h are required.`,
        { path: 'theoryHours', details: { minimumHours: needed, sharePercent: share } },
      ),
    ];
  }
  if (share !== null && totalHours !== null && share > theory.maxSharePercent && !input.branchAgreementAllowsMoreTheory) {
    const maxHours = Math.floor((totalHours * theory.maxSharePercent) / 100);
    return [
      ruleViolation(
        'THEORY_TOO_LONG',
        `La formation théorique prévue (${theoryHours} h) dépasse ${theory.maxSharePercent} % de la durée du contrat (au plus ${maxHours} h), sauf accord de branche.`,
        `The theory part (${theoryHours} h) exceeds ${theory.maxSharePercent} % of the contract (at most ${maxHours} h) without a branch agreement.`,
        { path: 'theoryHours', details: { maximumHours: maxHours, sharePercent: share } },
      ),
    ];
  }
  return [];
}

/** The SMIC table may not reach back to an old contract: show no amount then. */
function safe(compute: () => number): number | null {
  try {
    return compute();
  } catch {
    return null;
  }
}
