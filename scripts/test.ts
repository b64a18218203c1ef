/**
 * `npm test`: type-check (build), the web client's freshness, lint, migration drift, unit tests, then API,
 * worker and browser tests (Debian's Chromium, installed when missing) against real Postgres and Redis, found or started as for
 * `npm start`. Ends with one line `tests: N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { checkDrift } from './db/migrate.js';
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH } from './db/setup.js';
import { ensureChromium } from './lib/chromium.js';
import { DATA_DIR, prepareEnvironment, REPO_ROOT } from './lib/environment.js';

const started = Date.now();
const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

function step(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  const at = Date.now();
  console.log(`\n=== ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: REPO_ROOT, env });
  console.log(`--- ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} (${elapsed(at)})`);
  return result.status === 0;
}

async function main(): Promise<number> {
  if (!step('type-check and build', 'npx', ['nx', 'run-many', '-t', 'build', '--output-style=stream'])) return 1;
  if (!step('web app initial JavaScript within budget', 'npx', ['tsx', 'scripts/web-bundle-size.ts', '--check'])) return 1;
  if (!step('web API client matches the API (npm run web:client)', 'npx', ['tsx', 'scripts/web-client.ts', '--check'])) return 1;
  if (!step('type-check tests and scripts', 'npx', ['tsc', '-p', 'tsconfig.json'])) return 1;
  if (!step('lint', 'npx', ['eslint', '--max-warnings=0', '.'])) return 1;

  console.log('\n=== Chromium for the browser tests');
  console.log(`--- ${ensureChromium((m) => console.log(`  ${m}`))}`);

  console.log('\n=== Postgres, Redis and the test database');
  const at = Date.now();
  // A fresh test database each run: tests make their own tenants, and scans over every tenant stay fast.
  const environment = await prepareEnvironment(process.env['TEST_DATABASE_NAME'] ?? 'jalon_test', (m) => console.log(`  ${m}`), { test: true });
  console.log(`--- services: ok (${elapsed(at)})`);
  try {
    console.log('\n=== migration drift (schema.prisma against prisma/migrations)');
    const drift = await checkDrift({ ownerUrl: environment.ownerUrl, schemaPath: DEFAULT_SCHEMA_PATH, migrationsDir: DEFAULT_MIGRATIONS_DIR });
    if (drift.drift) {
      console.error(`schema.prisma has changes no migration captures; run \`npm run db:migration -- NAME\`:\n${drift.sql}`);
      return 1;
    }
    console.log('--- no drift');

    const results = path.join(DATA_DIR, 'jest-results.json');
    mkdirSync(DATA_DIR, { recursive: true });
    rmSync(results, { force: true });
    const jestOk = step('unit, API, worker and browser tests', 'npx', ['jest', '--ci', '--json', `--outputFile=${results}`, ...process.argv.slice(2)], {
      ...process.env,
      TEST_DATABASE_OWNER_URL: environment.ownerUrl,
      TEST_DATABASE_URL: environment.appUrl,
      TEST_REDIS_URL: environment.redisUrl,
    });
    let summary = { numPassedTests: 0, numFailedTests: 0, numTotalTests: 0 };
    try {
      summary = JSON.parse(readFileSync(results, 'utf8')) as typeof summary;
    } catch {
      // jest crashed before writing its results: the exit code says it.
    }
    console.log(`\nnpm test finished in ${elapsed(started)}`);
    console.log(`tests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed`);
    return jestOk && summary.numTotalTests > 0 ? 0 : 1;
  } finally {
    await environment.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
