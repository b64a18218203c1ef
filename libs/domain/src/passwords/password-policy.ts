/**
 * Password policy (NIST SP 800-63B style): a minimum length and a deny list of
 * common passwords, no composition rules. The list is given by the caller, so
 * this stays a pure function.
 */
export interface PasswordPolicy {
  minLength: number;
  commonPasswords: ReadonlySet<string>;
}

export type PasswordProblem = 'TOO_SHORT' | 'TOO_COMMON' | 'CONTAINS_EMAIL';

export function checkPassword(password: string, policy: PasswordPolicy, email?: string): PasswordProblem | null {
  // Count characters as a person sees them, not UTF-16 units.
  if ([...password].length < policy.minLength) return 'TOO_SHORT';
  const lowered = password.toLowerCase();
  if (policy.commonPasswords.has(lowered)) return 'TOO_COMMON';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lowered.includes(local)) return 'CONTAINS_EMAIL';
  return null;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, (policy: PasswordPolicy) => string> = {
  TOO_SHORT: (p) => `Le mot de passe doit compter au moins ${p.minLength} caractères. Une phrase de plusieurs mots est plus facile à retenir.`,
  TOO_COMMON: () => 'Ce mot de passe fait partie des mots de passe les plus courants : choisissez-en un autre.',
  CONTAINS_EMAIL: () => 'Le mot de passe ne doit pas reprendre votre adresse e-mail.',
};
