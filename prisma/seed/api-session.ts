/**
 * The real API, so that the demo's case data goes through the same
 * validation, rules and records as production. It runs from the build
 * (apps/api/dist) in a child `node` process on a free local port: not in this
 * process, because under tsx an ESM import and a require of @nestjs/core give
 * two copies of it, and Nest's dependency injection then fails to boot
 * (ClsRootModule's HttpAdapterHost is not the application's).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { TokenResponse } from '@jalon/contracts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILT_API = fileURLToPath(new URL('../../apps/api/dist/create-app.js', import.meta.url));

/** Boots the built API on a free port of 127.0.0.1 and prints its URL as the first line. */
const BOOT = `
import 'reflect-metadata';
import { loadConfig } from '@jalon/server/config';
import { createApp } from './apps/api/dist/create-app.js';
const app = await createApp(loadConfig());
await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(JSON.stringify({ url: await app.getUrl() }) + '\\n');
`;

type Method = 'GET' | 'POST' | 'PATCH';

/** An API answer other than a success: the seed stops and says why. */
export class ApiRefusal extends Error {
  override name = 'ApiRefusal';

  constructor(
    readonly method: Method,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} answered ${status}: ${JSON.stringify(body)}`);
  }
}

export class ApiSession {
  private token = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly baseUrl: string,
  ) {}

  /**
   * Starts the built API against `databaseUrl` (building it first on a fresh
   * checkout: `npm start` seeds before it builds).
   */
  static async open(databaseUrl: string): Promise<ApiSession> {
    if (!existsSync(BUILT_API)) buildApi();
    const child = spawn(process.execPath, ['--input-type=module', '-e', BOOT], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        // Not tsx's loader: the point of the child process.
        NODE_OPTIONS: '',
        DATABASE_URL: databaseUrl,
        DATABASE_POOL_SIZE: '4',
        REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
        // Only signs this session's tokens.
        JWT_SECRET: process.env['JWT_SECRET'] ?? randomBytes(32).toString('hex'),
        LOG_LEVEL: 'warn',
      },
    });
    return new ApiSession(child, `${await listeningUrl(child)}/api/v1`);
  }

  async login(email: string, password: string, tenantSlug: string): Promise<TokenResponse> {
    const session = await this.request<TokenResponse>('POST', '/auth/login', { email, password, tenantSlug });
    this.token = session.accessToken;
    return session;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: object): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  patch<T>(path: string, body: object): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  /** Stops the API (SIGTERM: Nest closes its connections), SIGKILL if it lingers. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  private async request<T>(method: Method, path: string, body?: object): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new ApiRefusal(method, path, response.status, parsed);
    return parsed as T;
  }
}

/** The URL the child prints once listening; its other lines (warnings) go to our output. */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let url: string | null = null;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const announced = url === null ? urlIn(line) : null;
      if (announced) {
        url = announced;
        resolve(announced);
      } else {
        console.log(`[seed] api: ${line}`);
      }
    });
    child.once('exit', (code) => {
      if (url === null) reject(new Error(`the API did not start (exit code ${code}): see its output above`));
    });
  });
}

function urlIn(line: string): string | null {
  try {
    const parsed = JSON.parse(line) as { url?: unknown };
    return typeof parsed.url === 'string' ? parsed.url : null;
  } catch {
    return null;
  }
}

function buildApi(): void {
  console.log('[seed] building the API (npx nx run-many -t build)…');
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the API build failed:\n${build.stdout}\n${build.stderr}`);
}
