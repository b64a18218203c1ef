import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import argon2 from 'argon2';
import { checkPassword, PASSWORD_PROBLEM_MESSAGES, type PasswordPolicy } from '@jalon/domain';
import { ErrorCode, type PasswordRules } from '@jalon/contracts';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';
import { AppError } from '@jalon/server/errors';
import { COMMON_PASSWORDS } from './passwords/common-passwords.js';

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher implements OnModuleInit {
  private readonly policy: PasswordPolicy;
  /** Verified against when the e-mail is unknown, so both cases take the same time. */
  private dummyHash = '';

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.policy = { minLength: config.auth.passwordMinLength, commonPasswords: new Set(COMMON_PASSWORDS.split('\n')) };
  }

  async onModuleInit(): Promise<void> {
    this.dummyHash = await argon2.hash('jalon-timing-equaliser', ARGON2_OPTIONS);
  }

  /** What a new password must be, as the page where one is chosen explains it. */
  get rules(): PasswordRules {
    return { minLength: this.policy.minLength };
  }

  /** Throws PASSWORD_REJECTED (422) with the reason in French. */
  assertAcceptable(password: string, email?: string): void {
    const problem = checkPassword(password, this.policy, email);
    if (problem) {
      throw new AppError(422, ErrorCode.PasswordRejected, PASSWORD_PROBLEM_MESSAGES[problem](this.policy), [
        { path: 'password', message: PASSWORD_PROBLEM_MESSAGES[problem](this.policy) },
      ]);
    }
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  /** `hash` null: an unknown user; still spends the same time. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      const ok = await argon2.verify(hash ?? this.dummyHash, password);
      return ok && hash !== null;
    } catch {
      return false;
    }
  }
}
