/**
 * What `npm start` and `npm test` share: find or start Postgres and Redis,
 * create and migrate the database, and describe the result as environment
 * variables for the API, the worker and the tests.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { setupDatabase } from '../db/setup.js';
import { ensurePostgres, ensureRedis, type Log } from './services.js';

export { API_PROCESS } from './api-process.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DATA_DIR = path.join(REPO_ROOT, '.data');

export interface Environment {
  ownerUrl: string;
  appUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

/**
 * `test`: the test database on the same server, dropped first so that every
 * run starts empty. Its URLs are always derived from the server's, never
 * taken as is from DATABASE_URL / DATABASE_OWNER_URL (which name the real one).
 */
export async function prepareEnvironment(database: string, log: Log, options: { test?: boolean } = {}): Promise<Environment> {
  const postgres = await ensurePostgres({ env: process.env, dataDir: DATA_DIR, log });
  let redis;
  try {
    redis = await ensureRedis({ env: process.env, dataDir: DATA_DIR, log });
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  const ownerUrl = options.test ? postgres.ownerUrlFor(database) : (process.env['DATABASE_OWNER_URL'] ?? postgres.ownerUrlFor(database));
  const appUrl = options.test ? postgres.appUrlFor(database) : (process.env['DATABASE_URL'] ?? postgres.appUrlFor(database));
  if (options.test) await dropDatabase(ownerUrl, log);
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

async function dropDatabase(ownerUrl: string, log: Log): Promise<void> {
  const url = new URL(ownerUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    log(`dropped database ${name}`);
  } finally {
    await client.end();
  }
}
