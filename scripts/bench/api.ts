/**
 * `npm run bench [-- --duration=SECONDS] [--reseed] [--no-write] [--app=DIR] [--only=REGEX] [--profile=DIR]`: the API at
 * GEIQ-network scale, side by side with a bare Fastify + pg baseline.
 *
 * Builds the apps, makes sure both datasets of `bench:seed` exist (full and
 * 1/10), then for each: starts the built API (production, logs at warn) and
 * the worker as child processes, and drives them with autocannon from this
 * process (loopback, bounded in time and count) as a coordinator, company
 * tutors and an employer contact of the large tenant. Prints one table and
 * writes it to docs/benchmarks.md between the `bench:api` markers.
 * `--app=DIR` runs the API and worker built in another checkout (an earlier
 * commit, for before/after figures) against the same datasets. `--only=REGEX`
 * runs the scenarios whose name matches, on the full dataset only, and
 * writes nothing: for comparing one change quickly. `--profile=DIR` writes
 * the API's V8 CPU profile (.cpuprofile) there when it stops.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { parisDate } from '../../libs/domain/src/index.js';
import { API_PROCESS, prepareEnvironment, REPO_ROOT, type Environment } from '../lib/environment.js';
import { BENCH_DOCUMENT_KEY, BENCH_LOGINS, BENCH_PASSWORD, buildDataset, FULL, TENTH, type DatasetSize } from './dataset.js';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const DURATION = Number(option('duration') ?? 10);
const APP_DIR = path.resolve(option('app') ?? REPO_ROOT);
const ONLY = option('only') ? new RegExp(option('only')!, 'i') : undefined;
const PROFILE_FLAGS = option('profile') ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(option('profile')!)}`] : [];
const CONNECTIONS = 32;
const TUTORS = 32;
const API = '/api/v1';
const COMPUTED_DASHBOARD = 'GET /dashboard, computed (cache emptied before each; 1 connection)';

interface Request {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface Scenario {
  name: string;
  /** Called once per request: a new random id, another tutor… */
  next: () => Request;
  /** Requests at most (the pools of one-shot transitions are finite). */
  amount?: number;
  target: 'api' | 'baseline';
}

interface Row {
  dataset: string;
  scenario: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers of 400 or more, and requests without an answer (autocannon counts timeouts among them). */
  errors: number;
  /** Requests that timed out (10 s): they are in `errors`, not in the percentiles. */
  timeouts: number;
  rssMb: number;
  /** CPU time per request of the server answering (API or baseline) and of every PostgreSQL process, in ms. */
  serverCpuMs?: number;
  databaseCpuMs?: number;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

async function main(): Promise<void> {
  const started = new Date();
  console.log('=== build');
  if (spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--output-style=stream'], { cwd: APP_DIR, stdio: 'inherit' }).status !== 0) process.exit(1);

  const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData: (stream, _s, done) => { stream.resume(); stream.on('end', () => done()); } });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;

  const rows: Row[] = [];
  try {
    for (const size of ONLY ? [FULL] : [FULL, TENTH]) {
      const environment = await ensureDataset(size);
      try {
        rows.push(...(await runDataset(size, environment, smtpUrl)));
      } finally {
        await environment.stop();
      }
    }
  } finally {
    smtp.close();
  }

  const table = render(rows);
  console.log(`\n${table}`);
  if (!process.argv.includes('--no-write') && !ONLY) writeDocs(table, started);
}

/** The dataset's database, built by `bench:seed` unless it is already there (or `--reseed`). */
async function ensureDataset(size: DatasetSize): Promise<Environment> {
  if (!process.argv.includes('--reseed')) {
    const environment = await prepareEnvironment(size.database, () => undefined);
    const owner = new pg.Client({ connectionString: environment.ownerUrl });
    await owner.connect();
    const { rows } = await owner.query<{ n: number; ready: number }>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE p.state = 'EXPERIENCE' AND t.slug = 'bench-00' AND EXISTS (SELECT 1 FROM documents d WHERE d.pathway_id = p.id AND d.kind = 'ADMISSIBILITY_FORM'))::int AS ready
       FROM pathways p JOIN tenants t ON t.id = p.tenant_id`,
    );
    await owner.end();
    // Transitions use up pathways in EXPERIENCE with their livret 1: rebuild when too few are left.
    if (rows[0]!.n === size.large + size.small * (size.tenants - 1) && (size !== FULL || rows[0]!.ready >= 1_300)) return environment;
    await environment.stop();
  }
  console.log(`=== bench:seed ${size.database}`);
  return buildDataset(size);
}

async function runDataset(size: DatasetSize, environment: Environment, smtpUrl: string): Promise<Row[]> {
  const label = size === FULL ? 'full' : '1/10';
  console.log(`\n=== ${label} dataset (${size.database})`);
  const owner = new pg.Pool({ connectionString: environment.ownerUrl, max: 2 });
  const [apiPort, baselinePort] = [await freePort(), await freePort()];
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const documentsDir = mkdtempSync(path.join(os.tmpdir(), 'jalon-bench-'));
  mkdirSync(path.dirname(path.join(documentsDir, BENCH_DOCUMENT_KEY)), { recursive: true });
  writeFileSync(path.join(documentsDir, BENCH_DOCUMENT_KEY), '%PDF-1.4\n%%EOF\n');
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PORT: String(apiPort),
    DATABASE_URL: environment.appUrl,
    REDIS_URL: environment.redisUrl,
    REDIS_KEY_PREFIX: prefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    SMTP_URL: smtpUrl,
    DOCUMENTS_DIR: documentsDir,
    LOGIN_MAX_ATTEMPTS_PER_IP: '1000',
  };
  const api = await startProcess('api', process.execPath, [...API_PROCESS.flags, ...PROFILE_FLAGS, path.join(APP_DIR, 'apps/api/dist/main.js')], { ...env, ...API_PROCESS.env }, () => probe(`http://127.0.0.1:${apiPort}/health/live`));
  const worker = await startProcess('worker', process.execPath, [path.join(APP_DIR, 'apps/worker/dist/main.js')], env);
  const baseline = await startProcess('baseline', process.execPath, ['--import', 'tsx', 'scripts/bench/baseline.ts', environment.appUrl, String(baselinePort)], env, () =>
    probe(`http://127.0.0.1:${baselinePort}/pathways/00000000-0000-0000-0000-000000000000`, [404, 500]),
  );
  try {
    const base = `http://127.0.0.1:${apiPort}`;
    const [tenant] = (await owner.query<{ id: string }>(`SELECT id FROM tenants WHERE slug = 'bench-00'`)).rows;
    const tenantId = tenant!.id;
    const ids = (await owner.query<{ id: string }>(`SELECT id FROM pathways WHERE tenant_id = $1 ORDER BY random() LIMIT 2000`, [tenantId])).rows.map((r) => r.id);

    const coordinator = await login(base, BENCH_LOGINS.coordinator);
    const employer = await login(base, BENCH_LOGINS.employer);
    const asCoordinator = { authorization: `Bearer ${coordinator}`, 'content-type': 'application/json' };

    // Company tutors with a current placement on a pathway in EXPERIENCE, each writing on their own alternants.
    const tutorRows = (
      await owner.query<{ email: string; pathway_id: string; competency_ids: string[] }>(
        `SELECT u.email, p.id AS pathway_id,
                array(SELECT c.id FROM competencies c JOIN blocs b ON b.id = c.bloc_id WHERE b.certification_id = p.certification_id ORDER BY c.id) AS competency_ids
         FROM placements pl JOIN pathways p ON p.id = pl.pathway_id JOIN memberships m ON m.id = pl.tutor_membership_id JOIN users u ON u.id = m.user_id
         WHERE pl.tenant_id = $1 AND p.state = 'EXPERIENCE' AND pl.end_date IS NULL
           AND m.id IN (SELECT DISTINCT pl2.tutor_membership_id FROM placements pl2 JOIN pathways p2 ON p2.id = pl2.pathway_id
                        WHERE pl2.tenant_id = $1 AND p2.state = 'EXPERIENCE' AND pl2.end_date IS NULL ORDER BY pl2.tutor_membership_id LIMIT ${TUTORS})`,
        [tenantId],
      )
    ).rows;
    const tutors = await Promise.all(
      [...new Set(tutorRows.map((r) => r.email))].map(async (email) => ({ token: await login(base, email), pathways: tutorRows.filter((r) => r.email === email) })),
    );
    const tutorPathways = new Set(tutorRows.map((r) => r.pathway_id));

    // One transition each for pathways in EXPERIENCE with their livret 1: the recevabilité request goes in today.
    const transitions = (
      await owner.query<{ id: string; version: number }>(
        `SELECT p.id, p.version FROM pathways p
         WHERE p.tenant_id = $1 AND p.state = 'EXPERIENCE' AND EXISTS (SELECT 1 FROM documents d WHERE d.pathway_id = p.id AND d.kind = 'ADMISSIBILITY_FORM')
         ORDER BY random()`,
        [tenantId],
      )
    ).rows.filter((p) => !tutorPathways.has(p.id));
    const today = parisDate(new Date());

    const get = (p: string, headers: Record<string, string> = asCoordinator): Request => ({ method: 'GET', path: p, headers });
    const everything: Scenario[] = [
      { name: 'baseline: pathway by id (Fastify + pg)', target: 'baseline', next: () => ({ method: 'GET', path: `/pathways/${pick(ids)}`, headers: { 'x-tenant-id': tenantId } }) },
      { name: 'GET /pathways/:id', target: 'api', next: () => get(`${API}/pathways/${pick(ids)}`) },
      // The floor of any authenticated read: JWT, Nest's pipeline, one transaction with two small reads.
      { name: 'GET /auth/me', target: 'api', next: () => get(`${API}/auth/me`) },
      { name: 'GET /pathways (filtered page of 50)', target: 'api', next: () => get(`${API}/pathways?state=${pick(['EXPERIENCE', 'DOSSIER', 'ADMISSIBILITY_PENDING,DOSSIER'])}&pageSize=50&page=${1 + Math.floor(Math.random() * 5)}`) },
      { name: 'GET /dashboard', target: 'api', next: () => get(`${API}/dashboard`) },
      { name: 'GET /pathways/:id/timeline', target: 'api', next: () => get(`${API}/pathways/${pick(ids)}/timeline`) },
      { name: 'GET /home (employer contact)', target: 'api', next: () => get(`${API}/home`, { authorization: `Bearer ${employer}` }) },
      {
        name: 'POST /pathways/:id/progress-entries (tutors)',
        target: 'api',
        next: () => {
          const tutor = pick(tutors);
          const pathway = pick(tutor.pathways);
          const [a, b] = [pick(pathway.competency_ids), pick(pathway.competency_ids)];
          const assessments = a === b ? [{ competencyId: a, level: 'ACQUIRED' }] : [{ competencyId: a, level: 'IN_PROGRESS' }, { competencyId: b, level: 'ACQUIRED' }];
          return {
            method: 'POST',
            path: `${API}/pathways/${pathway.pathway_id}/progress-entries`,
            headers: { authorization: `Bearer ${tutor.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ date: today, activity: 'Réglage et contrôle en autonomie', hours: 7, assessments }),
          };
        },
      },
      {
        name: 'POST /pathways/:id/transitions (1,000, one per pathway)',
        target: 'api',
        // Each pathway takes one transition: at most 1,000, and a margin for requests autocannon prepares past its count.
        amount: Math.max(0, Math.min(transitions.length - 200, 1_000)),
        next: () => {
          const pathway = transitions.shift();
          if (!pathway) throw new Error('no pathway left in EXPERIENCE with its livret 1: run npm run bench -- --reseed');
          return { method: 'POST', path: `${API}/pathways/${pathway.id}/transitions`, headers: asCoordinator, body: JSON.stringify({ action: 'submitAdmissibility', expectedVersion: pathway.version, submittedOn: today }) };
        },
      },
    ];
    const scenarios = ONLY ? everything.filter((s) => ONLY.test(s.name)) : size === FULL ? everything : everything.filter((s) => /GET \/pathways \(|dashboard|timeline/.test(s.name));

    // The worker's first absence scan reads every pathway: measure once it is done.
    await settle(owner);
    const rows: Row[] = [];
    // The dashboard is cached for a minute: also time its computation, one request at a time with the cache emptied before each.
    if (!ONLY || ONLY.test(COMPUTED_DASHBOARD)) {
      const computed = await coldDashboard(`${base}${API}/dashboard`, coordinator, environment.redisUrl, `${prefix}:dashboard:${tenantId}:generation`);
      rows.push({ dataset: label, ...computed, rssMb: Math.round(rssOf(api.child.pid!) / 1024) });
      console.log(`  ${computed.scenario}: p50 ${computed.p50.toFixed(1)} ms, p95 ${computed.p95.toFixed(1)} ms`);
    }
    for (const scenario of scenarios) {
      const url = scenario.target === 'api' ? base : `http://127.0.0.1:${baselinePort}`;
      await load(url, { ...scenario, ...(scenario.amount ? { amount: 50 } : {}) }, 2, 8); // warm-up: JIT, plans, caches
      const row = await load(url, scenario, DURATION, CONNECTIONS, scenario.target === 'api' ? api.child.pid! : baseline.child.pid!);
      rows.push({ dataset: label, ...row });
      console.log(`  ${scenario.name}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms, errors ${row.errors}, RSS ${row.rssMb} MB, CPU ms/request ${row.serverCpuMs?.toFixed(2)} (server), ${row.databaseCpuMs?.toFixed(2)} (PostgreSQL)`);
    }
    return rows;
  } finally {
    await Promise.all([api, worker, baseline].map((p) => p.stop()));
    await owner.end();
  }
}

/** Runs one scenario for `seconds` with `connections`; latencies are measured per response. */
async function load(url: string, scenario: Scenario, seconds: number, connections: number, pid?: number): Promise<Omit<Row, 'dataset'>> {
  const latencies: number[] = [];
  let errors = 0;
  let rss = 0;
  const sampler = pid ? setInterval(() => (rss = Math.max(rss, rssOf(pid))), 200) : undefined;
  const cpuBefore = pid ? { server: cpuMsOf(pid), database: postgresCpu() } : undefined;
  const at = performance.now();
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        // Bounded in time, or in count for one-shot requests (autocannon then ignores the duration).
        ...(scenario.amount ? { amount: scenario.amount } : {}),
        timeout: 10,
        requests: [{ setupRequest: (request) => ({ ...request, ...scenario.next() }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (statusCode >= 400) errors++;
  });
  const result = await finished;
  const elapsed = (performance.now() - at) / 1000;
  if (sampler) clearInterval(sampler);
  if (pid) rss = Math.max(rss, rssOf(pid));
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return {
    scenario: scenario.name,
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: percentile(50),
    p95: percentile(95),
    p99: percentile(99),
    errors: errors + result.errors,
    timeouts: result.timeouts,
    rssMb: Math.round(rss / 1024),
    ...(pid && cpuBefore && latencies.length
      ? { serverCpuMs: (cpuMsOf(pid) - cpuBefore.server) / latencies.length, databaseCpuMs: postgresCpuSince(cpuBefore.database) / latencies.length }
      : {}),
  };
}

/** Waits until no other session of the database has run a query for two seconds (at most two minutes). */
async function settle(owner: pg.Pool): Promise<void> {
  const until = Date.now() + 120_000;
  for (let quiet = 0; quiet < 4 && Date.now() < until; ) {
    await new Promise((r) => setTimeout(r, 500));
    const { rows } = await owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    quiet = rows[0]!.n === 0 ? quiet + 1 : 0;
  }
}

/** The dashboard computed from the database each time: 40 serial requests (after 5), the tenant's cached dashboards made stale before each. */
async function coldDashboard(url: string, token: string, redisUrl: string, generationKey: string): Promise<Omit<Row, 'dataset' | 'rssMb'>> {
  const redis = new Redis(redisUrl);
  const latencies: number[] = [];
  let errors = 0;
  try {
    for (let i = 0; i < 45; i++) {
      await redis.incr(generationKey);
      const at = performance.now();
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      await response.arrayBuffer();
      if (i >= 5) latencies.push(performance.now() - at); // the first ones warm up
      if (!response.ok) errors++;
    }
  } finally {
    redis.disconnect();
  }
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  const total = latencies.reduce((a, b) => a + b, 0);
  return { scenario: COMPUTED_DASHBOARD, requests: latencies.length, rps: (1000 * latencies.length) / total, p50: percentile(50), p95: percentile(95), p99: percentile(99), errors, timeouts: 0 };
}

function render(rows: Row[]): string {
  const byName = (dataset: string, name: string) => rows.find((r) => r.dataset === dataset && r.scenario === name);
  const lines = [
    `| dataset | scenario (${CONNECTIONS} connections, ${DURATION} s unless a count is given) | requests | req/s | p50 ms | p95 ms | p99 ms | errors (timeouts) | API RSS MB | CPU ms per request: server, PostgreSQL |`,
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.dataset} | ${r.scenario} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} (${r.timeouts}) | ${r.scenario.startsWith('baseline') ? '–' : r.rssMb} | ${r.serverCpuMs === undefined ? '–' : `${r.serverCpuMs.toFixed(2)}, ${r.databaseCpuMs!.toFixed(2)}`} |`,
    ),
  ];
  const baseline = byName('full', 'baseline: pathway by id (Fastify + pg)');
  const byId = byName('full', 'GET /pathways/:id');
  const summary: string[] = [];
  if (baseline && byId) summary.push(`- **By-id read: ${((100 * byId.rps) / baseline.rps).toFixed(0)} % of the bare baseline's throughput** (goal ≥ 40 %).`);
  for (const name of ['GET /pathways (filtered page of 50)', 'GET /dashboard', COMPUTED_DASHBOARD, 'GET /pathways/:id/timeline']) {
    const full = byName('full', name);
    const tenth = byName('1/10', name);
    if (full && tenth) summary.push(`- ${full.scenario}: p95 ${full.p95.toFixed(1)} ms on the full dataset, ${tenth.p95.toFixed(1)} ms on 1/10: ×${(full.p95 / tenth.p95).toFixed(2)} for 10× the data (goals: ≤ 100 ms, ≤ ×1.5).`);
  }
  const errors = rows.reduce((n, r) => n + r.errors, 0);
  summary.push(`- Errors: ${errors}. Highest API RSS under load: ${Math.max(...rows.map((r) => r.rssMb))} MB (goal ≤ 300 MB).`);
  return `${lines.join('\n')}\n\n${summary.join('\n')}`;
}

function writeDocs(table: string, started: Date): void {
  const file = path.join(REPO_ROOT, 'docs/benchmarks.md');
  const doc = readFileSync(file, 'utf8');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const block = [
    '<!-- bench:api:start -->',
    `Run on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, with \`npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\`. API, worker, baseline, PostgreSQL, Redis and the load generator share the machine.`,
    '',
    table,
    '<!-- bench:api:end -->',
  ].join('\n');
  const start = doc.indexOf('<!-- bench:api:start -->');
  const end = doc.indexOf('<!-- bench:api:end -->');
  const next = start >= 0 && end > start ? doc.slice(0, start) + block + doc.slice(end + '<!-- bench:api:end -->'.length) : `${doc.trimEnd()}\n\n## API at network scale (\`npm run bench\`)\n\n${block}\n`;
  writeFileSync(file, next);
  console.log(`written to ${path.relative(REPO_ROOT, file)}`);
}

async function login(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}${API}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: BENCH_PASSWORD }) });
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

interface Started {
  child: ChildProcess;
  stop: () => Promise<void>;
}

async function startProcess(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, ready?: () => Promise<boolean>): Promise<Started> {
  const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  if (ready) {
    const until = Date.now() + 30_000;
    while (!(await ready())) {
      if (child.exitCode !== null || Date.now() > until) throw new Error(`${name} did not start`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { child, stop };
}

async function probe(url: string, ok: number[] = [200]): Promise<boolean> {
  try {
    return ok.includes((await fetch(url)).status);
  } catch {
    return false;
  }
}

/** CPU time (user and system) a process has used, in ms (Linux: clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU time used so far by each PostgreSQL process of the machine (server and backends), in ms, by pid. */
function postgresCpu(): Map<number, number> {
  const used = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8') === 'postgres\n') used.set(Number(entry), cpuMsOf(Number(entry)));
    } catch {
      // The process has ended.
    }
  }
  return used;
}

/** What PostgreSQL processes used since `before` (a backend that ended meanwhile is not counted). */
function postgresCpuSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, used] of postgresCpu()) total += used - (before.get(pid) ?? 0);
  return total;
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
