/**
 * Database bootstrap (`tsx scripts/db/cli.ts setup`): database, roles, migrations.
 *
 * Everything runs with the owner URL (a role that can CREATEDB / CREATEROLE; the
 * `postgres` superuser on our machines) while holding an advisory lock on the server's
 * `postgres` maintenance database, so two processes running setup at the same time
 * (parallel test workers, several containers starting together) are serialized instead
 * of racing on CREATE DATABASE / CREATE ROLE. Every step is idempotent.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrateDeploy } from './migrate.js';
import { MAINTENANCE_DB, databaseName, redactUrl, withDatabase } from './pg-adapter.js';

export const DEFAULT_OWNER_URL = 'postgresql://postgres@127.0.0.1:5432/jalon';
export const DEFAULT_APP_URL = 'postgresql://jalon_app@127.0.0.1:5432/jalon';
/** NOLOGIN group role the application's grants and RLS policies are written for. */
export const APP_GROUP_ROLE = 'jalon_app';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_SCHEMA_PATH = path.join(REPO_ROOT, 'prisma/schema.prisma');
export const DEFAULT_MIGRATIONS_DIR = path.join(REPO_ROOT, 'prisma/migrations');

const SETUP_LOCK_KEY = 'jalon:scripts/db/setup';

// SQLSTATEs meaning "someone else created it first" (possible if another tool races
// us without taking our lock).
const DUPLICATE_DATABASE = '42P04';
const DUPLICATE_OBJECT = '42710';
const UNIQUE_VIOLATION = '23505';

function hasCode(error: unknown, ...codes: string[]): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && codes.includes(code);
}

/**
 * Runs `fn` on a connection to the maintenance database while holding the setup
 * advisory lock (session level, released explicitly and in any case when the
 * connection closes).
 */
async function withSetupLock<T>(ownerUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(ownerUrl, MAINTENANCE_DB) });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [SETUP_LOCK_KEY]);
    try {
      return await fn(client);
    } finally {
      // If this fails the connection is broken, and closing it releases the lock anyway.
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [SETUP_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

async function createDatabaseIfMissing(client: pg.Client, dbName: string): Promise<boolean> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
  if (rowCount) return false;
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(dbName)}`);
    return true;
  } catch (error) {
    if (hasCode(error, DUPLICATE_DATABASE, UNIQUE_VIOLATION)) return false;
    throw error;
  }
}

/**
 * Creates database `dbName` on the server of `ownerUrl` unless it exists (owned by the
 * owner role). Returns whether it was created. Safe to call concurrently.
 */
export async function ensureDatabase(ownerUrl: string, dbName: string): Promise<boolean> {
  return withSetupLock(ownerUrl, (client) => createDatabaseIfMissing(client, dbName));
}

async function roleExists(client: pg.Client, role: string): Promise<boolean> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  return Boolean(rowCount);
}

async function createRoleIfMissing(client: pg.Client, role: string, options: string): Promise<void> {
  if (await roleExists(client, role)) return;
  try {
    await client.query(`CREATE ROLE ${client.escapeIdentifier(role)} ${options}`);
  } catch (error) {
    if (!hasCode(error, DUPLICATE_OBJECT, UNIQUE_VIOLATION)) throw error;
  }
}

/**
 * Makes sure the NOLOGIN group role {@link APP_GROUP_ROLE} exists, and that the login
 * role of `appUrl` exists, can log in (with the URL's password, if it has one), has no
 * privilege that would let it escape row-level security or administer the server, and
 * is a member of the group. When the URL's user is the group role itself, that role
 * simply gets LOGIN.
 */
async function ensureAppRoles(client: pg.Client, appUrl: string): Promise<void> {
  const url = new URL(appUrl);
  const loginRole = decodeURIComponent(url.username);
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  if (!loginRole) throw new Error(`DATABASE_URL ${redactUrl(appUrl)} has no user name`);

  const { rows } = await client.query<{ current_user: string; rolsuper: boolean | null }>(
    'SELECT current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = $1) AS rolsuper',
    [loginRole],
  );
  const { current_user: ownerRole, rolsuper } = rows[0]!;
  // Never strip the privileges of the role we are running as, or of an existing
  // superuser: a misconfigured DATABASE_URL must not break the server's admin account.
  if (loginRole === ownerRole || rolsuper) {
    throw new Error(`DATABASE_URL must name an unprivileged application role, not "${loginRole}"`);
  }

  await createRoleIfMissing(client, APP_GROUP_ROLE, 'NOLOGIN');
  await createRoleIfMissing(client, loginRole, 'LOGIN');

  const role = client.escapeIdentifier(loginRole);
  // Enforced on every run, so an existing role drifting from this is corrected.
  const passwordClause = password === undefined ? '' : ` PASSWORD ${client.escapeLiteral(password)}`;
  await client.query(`ALTER ROLE ${role} WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE${passwordClause}`);

  if (loginRole !== APP_GROUP_ROLE) {
    const { rowCount } = await client.query(
      `SELECT 1 FROM pg_auth_members m
         JOIN pg_roles g ON g.oid = m.roleid
         JOIN pg_roles u ON u.oid = m.member
        WHERE g.rolname = $1 AND u.rolname = $2`,
      [APP_GROUP_ROLE, loginRole],
    );
    if (!rowCount) await client.query(`GRANT ${client.escapeIdentifier(APP_GROUP_ROLE)} TO ${role}`);
  }
}

export interface SetupOptions {
  /** Defaults to $DATABASE_OWNER_URL, then {@link DEFAULT_OWNER_URL}. Its database is the one set up. */
  ownerUrl?: string;
  /** Defaults to $DATABASE_URL, then {@link DEFAULT_APP_URL}. Only its user and password are used. */
  appUrl?: string;
  schemaPath?: string;
  migrationsDir?: string;
  log?: (msg: string) => void;
}

/**
 * Creates the database and roles if needed, then applies pending migrations.
 * Idempotent, and serialized across processes by an advisory lock.
 */
export async function setupDatabase(options: SetupOptions = {}): Promise<{ created: boolean; applied: string[] }> {
  // `||`: an empty variable (e.g. from a .env template) means "use the default".
  const ownerUrl = options.ownerUrl || process.env['DATABASE_OWNER_URL'] || DEFAULT_OWNER_URL;
  const appUrl = options.appUrl || process.env['DATABASE_URL'] || DEFAULT_APP_URL;
  const log = options.log ?? (() => {});
  const dbName = databaseName(ownerUrl);

  return withSetupLock(ownerUrl, async (client) => {
    const created = await createDatabaseIfMissing(client, dbName);
    log(created ? `created database ${dbName}` : `database ${dbName} exists`);
    // Roles before migrations: migrations GRANT to them and write policies for them.
    await ensureAppRoles(client, appUrl);
    log(`roles ${APP_GROUP_ROLE} / ${decodeURIComponent(new URL(appUrl).username)} ready`);
    // Still under the lock: a concurrent setup waits here instead of hitting the
    // engine's own 10-second migration lock timeout.
    const { applied } = await migrateDeploy({
      ownerUrl,
      schemaPath: options.schemaPath ?? DEFAULT_SCHEMA_PATH,
      migrationsDir: options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR,
      log,
    });
    return { created, applied };
  });
}
