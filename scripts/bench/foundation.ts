/**
 * `npm run bench:foundation`: API boot time and login latency, against the
 * built API (run `npm run build` first) on the local Postgres and Redis.
 * Prints a Markdown table for docs/benchmarks.md.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { localSecret, prepareEnvironment, REPO_ROOT } from '../lib/environment.js';

const PORT = 3999;
const LOGINS = Number(process.argv[2] ?? 200);
const CONCURRENCY = Number(process.argv[3] ?? 4);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function waitUntilLive(deadline: number): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/health/live`)).ok) return;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error('API did not start');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function main(): Promise<void> {
  const environment = await prepareEnvironment('jalon', () => undefined);
  const env = {
    ...process.env,
    DATABASE_URL: environment.appUrl,
    REDIS_URL: environment.redisUrl,
    JWT_SECRET: localSecret('jwt'),
    PORT: String(PORT),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    LOGIN_MAX_ATTEMPTS_PER_IP: '1000000',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000000',
    REDIS_KEY_PREFIX: 'bench',
  };
  const boots: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const api = spawn(process.execPath, ['apps/api/dist/main.js'], { cwd: REPO_ROOT, env, stdio: 'inherit' });
    await waitUntilLive(start + 30_000);
    boots.push(performance.now() - start);
    if (i < 2) {
      api.kill('SIGTERM');
      await new Promise((r) => api.once('exit', r));
      continue;
    }
    const body = JSON.stringify({ email: 'admin@geiq-demo.fr', password: process.env['DEMO_PASSWORD'] ?? 'demo-jalon-vae-2026' });
    const login = async () => {
      const t = performance.now();
      const response = await fetch(`http://127.0.0.1:${PORT}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      if (response.status !== 200) throw new Error(`login answered ${response.status} (run \`npm start\` once to seed the demo)`);
      await response.arrayBuffer();
      return performance.now() - t;
    };
    for (let w = 0; w < 10; w++) await login();
    const latencies: number[] = [];
    const started = performance.now();
    let issued = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (issued++ < LOGINS) latencies.push(await login());
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
    console.log('| measure | value |\n|---|---|');
    console.log(`| API boot to /health/live (3 runs) | ${boots.map((b) => `${Math.round(b)} ms`).join(', ')} |`);
    console.log(`| login, ${LOGINS} requests, ${CONCURRENCY} concurrent | p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, ${(LOGINS / seconds).toFixed(1)} req/s |`);
  }
  await environment.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
