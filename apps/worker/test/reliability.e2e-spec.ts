import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { addDays, parisDate } from '@jalon/domain';
import { requiredEnv, testConfig } from '../../../test/support/config.js';
import { Factory } from '../../../test/support/factories.js';
import { bearer, http, login, startApi } from '../../../test/support/harness.js';
import { SmtpSink } from '../../../test/support/smtp-sink.js';
import { waitFor } from '../../../test/support/wait.js';

const ROOT = path.resolve(__dirname, '../../..');
const REMINDERS = 40;

/**
 * Never lost, never sent twice — proven with real worker processes, their
 * own Redis (a child redis-server, so FLUSHALL touches nobody else) and their
 * own database (the sweep claims due reminders of every tenant), counting
 * the e-mails a real SMTP listener receives.
 */
describe('reminder delivery survives Redis losing its data and runs on two workers', () => {
  // Dropped and made again at the start of each run (not at the end: connections
  // the API left in its pool would be cut while this process still holds them).
  // Named after the run's test database, so that runs on other test databases never drop it.
  const database = `${new URL(requiredEnv('TEST_DATABASE_OWNER_URL')).pathname.slice(1)}_reliability`;
  const ownerUrl = withDatabase(requiredEnv('TEST_DATABASE_OWNER_URL'), database);
  const appUrl = withDatabase(requiredEnv('TEST_DATABASE_URL'), database);
  let redis: ChildProcess;
  let redisUrl: string;
  let smtp: SmtpSink;
  let owner: Pool;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    const port = await freePort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    redisUrl = `redis://127.0.0.1:${port}`;
    const admin = new Pool({ connectionString: withDatabase(ownerUrl, 'postgres'), max: 1 });
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).finally(() => admin.end());
    const setup = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db/cli.ts', 'setup'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_OWNER_URL: ownerUrl, DATABASE_URL: appUrl },
      encoding: 'utf8',
    });
    if (setup.status !== 0) throw new Error(`database setup failed: ${setup.stderr}`);
    owner = new Pool({ connectionString: ownerUrl, max: 2 });
    smtp = await SmtpSink.start();
    const probe = new Redis(redisUrl, { maxRetriesPerRequest: 0 });
    probe.on('error', () => undefined);
    await waitFor(async () => (await probe.ping().catch(() => 'no')) === 'PONG');
    probe.disconnect();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => stop(w)));
    await owner?.end();
    await smtp?.close();
    redis?.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 100));
  });

  function startWorker(): ChildProcess {
    const worker = spawn(process.execPath, ['apps/worker/dist/main.js'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
        DATABASE_URL: appUrl,
        REDIS_URL: redisUrl,
        JWT_SECRET: randomBytes(32).toString('hex'),
        SMTP_URL: smtp.url,
        REMINDER_SWEEP_EVERY_MS: '500',
        OUTBOX_SWEEP_EVERY_MS: '1000',
        REMINDER_STUCK_AFTER_SECONDS: '3',
        REMINDER_SCAN_EVERY_MS: '3600000',
      },
    });
    workers.push(worker);
    return worker;
  }

  /** `count` reminders due now on one pathway, each to the tenant's admin: one e-mail each. */
  async function dueReminders(count: number): Promise<{ adminEmail: string; ids: string[] }> {
    const factory = new Factory(owner);
    const tenant = await factory.tenant();
    const admin = await factory.member(tenant, 'TENANT_ADMIN');
    const { pathwayId } = await factory.rowInEveryTable(tenant);
    const ids = Array.from({ length: count }, () => randomUUID());
    for (const [i, id] of ids.entries()) {
      await owner.query(
        `INSERT INTO reminders (id, tenant_id, pathway_id, kind, due_at, recipients, dedup_key, updated_at)
         VALUES ($1, $2, $3, 'JURY_RESULT_MISSING', now() - interval '1 minute', ARRAY['COORDINATOR'], $4, now())`,
        [id, tenant.id, pathwayId, `${pathwayId}:JURY_RESULT_MISSING:${i}`],
      );
    }
    return { adminEmail: admin.email, ids };
  }

  /** Every reminder SENT, and exactly one e-mail each at the listener (a little later: none more). */
  async function expectEachSentOnce(ids: string[], email: string): Promise<void> {
    await waitFor(async () => (await sentCount(ids)) === ids.length, 60_000, 200);
    await waitFor(async () => smtp.to(email).length >= ids.length, 60_000, 200);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(smtp.to(email)).toHaveLength(ids.length);
  }

  const sentCount = async (ids: string[]) => (await owner.query(`SELECT count(*)::int AS n FROM reminders WHERE id = ANY($1) AND status = 'SENT'`, [ids])).rows[0].n as number;

  it('two workers at once send every reminder exactly once', async () => {
    const { adminEmail, ids } = await dueReminders(REMINDERS);
    startWorker();
    startWorker();
    await expectEachSentOnce(ids, adminEmail);
  }, 120_000);

  it('a Redis that lost everything (FLUSHALL) with reminders queued: rebuilt from Postgres, each sent once', async () => {
    await Promise.all(workers.map((w) => stop(w)));
    const { adminEmail, ids } = await dueReminders(REMINDERS);
    // Claimed and queued, then Redis forgets everything before any worker runs.
    await owner.query(`UPDATE reminders SET status = 'QUEUED', queued_at = now() WHERE id = ANY($1)`, [ids]);
    const client = new Redis(redisUrl);
    client.on('error', () => undefined);
    await client.flushall();
    client.disconnect();
    startWorker();
    await expectEachSentOnce(ids, adminEmail);
  }, 120_000);

  /**
   * The workers stopped and the API unable to reach Redis: a staff member of
   * a new tenant creates a pathway with a contract starting in 5 days, then
   * does `more`. Every request must commit all the same.
   */
  async function whileRedisIsDown(role: 'COORDINATOR' | 'TENANT_ADMIN', more: (api: Awaited<ReturnType<typeof startApi>>, token: string) => Promise<void> = async () => undefined) {
    await Promise.all(workers.map((w) => stop(w)));
    const factory = new Factory(owner);
    const tenant = await factory.tenant();
    const staff = await factory.member(tenant, role);
    const certification = await factory.certification(tenant);
    const candidate = await factory.candidate(tenant);
    const api = await startApi(testConfig({ DATABASE_URL: appUrl, REDIS_URL: 'redis://127.0.0.1:1' }));
    try {
      const token = (await login(api, staff.email, staff.password)).accessToken;
      const pathway = await http(api).post('/api/v1/pathways').set(bearer(token)).send({ candidateId: candidate.id, certificationId: certification.id, referentCoordinatorId: staff.id });
      expect(pathway.status).toBe(201);
      const start = addDays(parisDate(new Date()), 5);
      const contract = await http(api).post(`/api/v1/pathways/${pathway.body.id}/contracts`).set(bearer(token)).send({ startDate: start, plannedEndDate: addDays(start, 300), payPercentOfSmic: 80 });
      expect(contract.status).toBe(201);
      await more(api, token);
      return { tenant, staff, pathwayId: pathway.body.id as string };
    } finally {
      await api.close();
    }
  }

  it('Redis down while a coordinator changes a pathway: the API commits, the reminders go out once Redis is back', async () => {
    const { tenant, staff: coordinator } = await whileRedisIsDown('COORDINATOR');
    const { rows } = await owner.query<{ id: string }>(`UPDATE reminders SET due_at = now() - interval '1 minute' WHERE tenant_id = $1 AND kind = 'OPCO_FILING_DUE' RETURNING id`, [tenant.id]);
    expect(rows).toHaveLength(1);
    startWorker();
    await waitFor(async () => (await sentCount(rows.map((r) => r.id))) === 1, 30_000);
    await waitFor(async () => smtp.to(coordinator.email).length >= 1, 30_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(smtp.to(coordinator.email)).toHaveLength(1);
  }, 90_000);

  it('Redis down while the admin changes the reminder settings: the API commits, the worker re-plans once Redis is back', async () => {
    const { tenant, pathwayId } = await whileRedisIsDown('TENANT_ADMIN', async (api, token) => {
      expect((await http(api).patch('/api/v1/settings/reminders').set(bearer(token)).send({ contractEndingLeadDays: [60] })).status).toBe(200);
    });
    const leads = async () =>
      (await owner.query<{ dedup_key: string }>(`SELECT dedup_key FROM reminders WHERE pathway_id = $1 AND kind = 'CONTRACT_ENDING' AND status = 'PLANNED' ORDER BY due_at`, [pathwayId])).rows.map((r) => r.dedup_key.split(':')[2]);
    const marked = async () => (await owner.query('SELECT reminders_replan_requested_at AS at FROM tenants WHERE id = $1', [tenant.id])).rows[0].at !== null;
    expect(await leads()).toEqual(['90', '30']);
    expect(await marked()).toBe(true);
    // Past the sweep's grace: the job the API could not queue is taken as lost.
    await owner.query(`UPDATE tenants SET reminders_replan_requested_at = reminders_replan_requested_at - interval '1 minute' WHERE id = $1`, [tenant.id]);
    startWorker();
    await waitFor(async () => JSON.stringify(await leads()) === '["60"]', 30_000);
    await waitFor(async () => !(await marked()), 30_000);
  }, 90_000);

  it('a worker killed (SIGKILL) in the middle of a batch: after a restart, every reminder goes out once', async () => {
    await Promise.all(workers.map((w) => stop(w)));
    const { adminEmail, ids } = await dueReminders(REMINDERS);
    const first = startWorker();
    await waitFor(async () => (await sentCount(ids)) >= 5, 60_000);
    first.kill('SIGKILL');
    startWorker();
    await expectEachSentOnce(ids, adminEmail);
  }, 120_000);
});

/** Kills a worker process (as a crash would) and waits for it to be gone. */
function stop(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    worker.once('exit', () => resolve());
    worker.kill('SIGKILL');
  });
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
