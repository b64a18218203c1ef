import { randomBytes } from 'node:crypto';
import { loadConfig, type AppConfig } from '@jalon/server/config';

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the API tests through jest (its global setup sets it)`);
  return value;
}

/**
 * Configuration of one test file's API and worker: the real test database and
 * Redis, and a queue prefix of its own so that parallel test files never
 * process each other's jobs.
 */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    DATABASE_URL: requiredEnv('TEST_DATABASE_URL'),
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: requiredEnv('TEST_REDIS_URL'),
    REDIS_KEY_PREFIX: `test-${randomBytes(6).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_URL: 'http://jalon.test',
    MAIL_OUTBOX_DIR: `/tmp/jalon-test-outbox-${process.pid}`,
    DOCUMENTS_DIR: `/tmp/jalon-test-documents-${process.pid}`,
    OUTBOX_SWEEP_EVERY_MS: '60000',
    LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
    ...overrides,
  });
}
