/**
 * What `npm start` and `npm test` share: find or start Postgres and Redis,
 * create and migrate the database, and describe the result as environment
 * variables for the API, the worker and the tests.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setupDatabase } from '../db/setup.js';
import { ensurePostgres, ensureRedis, type Log } from './services.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DATA_DIR = path.join(REPO_ROOT, '.data');

export interface Environment {
  ownerUrl: string;
  appUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

export async function prepareEnvironment(database: string, log: Log): Promise<Environment> {
  const postgres = await ensurePostgres({ env: process.env, dataDir: DATA_DIR, log });
  let redis;
  try {
    redis = await ensureRedis({ env: process.env, dataDir: DATA_DIR, log });
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  const ownerUrl = process.env['DATABASE_OWNER_URL'] ?? postgres.ownerUrlFor(database);
  const appUrl = process.env['DATABASE_URL'] ?? postgres.appUrlFor(database);
  await setupDatabase({ ownerUrl, appUrl, log });
  return {
    ownerUrl,
    appUrl,
    redisUrl: redis.url,
    stop: async () => {
      await redis.stop();
      await postgres.stop();
    },
  };
}

/** A secret kept in .data/ (created on first use), for values a fresh machine must not share. */
export function localSecret(name: string): string {
  const file = path.join(DATA_DIR, `${name}.secret`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
