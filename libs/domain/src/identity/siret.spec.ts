import { isValidSiret } from './siret.js';

describe('isValidSiret', () => {
  it.each([
    ['73282932000074', true], // a real establishment (Luhn ok)
    ['35600000000056', true], // La Poste: digit sum multiple of 5
    ['73282932000075', false],
    ['7328293200007', false],
    ['7328293200007A', false],
  ])('%s → %s', (siret, valid) => {
    expect(isValidSiret(siret)).toBe(valid);
  });
});
