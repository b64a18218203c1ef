import { checkPassword } from './password-policy.js';

const policy = { minLength: 12, commonPasswords: new Set(['motdepasse123', 'azertyuiop123']) };

describe('checkPassword', () => {
  it('accepts a long passphrase', () => {
    expect(checkPassword('cheval agrafe batterie', policy)).toBeNull();
  });
  it('refuses fewer than 12 characters, counting accented letters once', () => {
    expect(checkPassword('élève-été-1', policy)).toBe('TOO_SHORT');
    expect(checkPassword('élève-été-12', policy)).toBeNull();
  });
  it('refuses a common password whatever its case', () => {
    expect(checkPassword('MotDePasse123', policy)).toBe('TOO_COMMON');
  });
  it('refuses a password containing the e-mail name', () => {
    expect(checkPassword('helene.martin2024', policy, 'helene.martin@geiq.fr')).toBe('CONTAINS_EMAIL');
  });
  it('has no composition rule', () => {
    expect(checkPassword('aaaaaaaaaaaab', policy)).toBeNull();
  });
});
