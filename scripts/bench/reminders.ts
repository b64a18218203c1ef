/**
 * `npm run bench:reminders [-- COUNT]`: plans COUNT (default 10,000) due
 * reminders across 20 tenants in a database of its own, then measures the
 * time until all are SENT and their e-mails received by a local SMTP
 * listener, with one and with two worker processes. Needs a build first
 * (`npm run build`). Prints a Markdown table for docs/benchmarks.md, with
 * the database transactions committed per reminder.
 * `BENCH_WORKER_ARGS` adds Node options to the workers (e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile them).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { prepareEnvironment, REPO_ROOT } from '../lib/environment.js';

const COUNT = Number(process.argv[2] ?? 10_000);
const TENANTS = 20;

async function main(): Promise<void> {
  const environment = await prepareEnvironment('jalon_bench_reminders', () => undefined, { test: true });
  const owner = new pg.Pool({ connectionString: environment.ownerUrl, max: 4 });
  let received = 0;
  const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData: (stream, _s, done) => { stream.resume(); stream.on('end', () => { received++; done(); }); } });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;
  const rows: string[] = ['| workers | reminders | all SENT | all e-mails received | e-mails/s | transactions per reminder |', '|---|---|---|---|---|---|'];
  const workerArgs = (process.env['BENCH_WORKER_ARGS'] ?? '').split(' ').filter(Boolean);
  const commits = async () => Number((await owner.query<{ n: string }>(`SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()`)).rows[0]!.n);
  try {
    for (const workers of [1, 2]) {
      await seed(owner, COUNT);
      received = 0;
      const prefix = `bench-${randomBytes(4).toString('hex')}`;
      const commitsBefore = await commits();
      const started = performance.now();
      const processes: ChildProcess[] = Array.from({ length: workers }, () =>
        spawn(process.execPath, [...workerArgs, 'apps/worker/dist/main.js'], {
          cwd: REPO_ROOT,
          stdio: ['ignore', 'ignore', 'inherit'],
          env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: environment.appUrl, REDIS_URL: environment.redisUrl, REDIS_KEY_PREFIX: prefix, JWT_SECRET: randomBytes(32).toString('hex'), SMTP_URL: smtpUrl, REMINDER_SWEEP_EVERY_MS: '1000', DATABASE_POOL_SIZE: '10' },
        }),
      );
      let sentAt = 0;
      for (;;) {
        await new Promise((r) => setTimeout(r, 250));
        const n = (await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM reminders WHERE status = 'SENT'`)).rows[0]!.n;
        if (!sentAt && n >= COUNT) sentAt = performance.now();
        if (sentAt && received >= COUNT) break;
        if (performance.now() - started > 600_000) throw new Error(`timeout: ${n} sent, ${received} received`);
      }
      const mailsAt = performance.now();
      await Promise.all(processes.map((p) => new Promise((resolve) => { p.once('exit', resolve); p.kill('SIGTERM'); })));
      const seconds = (t: number) => ((t - started) / 1000).toFixed(1);
      // The pg_stat figures are sent by the backends after a short delay: read them once things are quiet.
      await new Promise((r) => setTimeout(r, 1_500));
      const perReminder = ((await commits()) - commitsBefore) / COUNT;
      rows.push(`| ${workers} | ${COUNT} | ${seconds(sentAt)} s | ${seconds(mailsAt)} s | ${(COUNT / ((mailsAt - started) / 1000)).toFixed(0)} | ${perReminder.toFixed(2)} |`);
    }
  } finally {
    smtp.close();
    await owner.end();
    await environment.stop();
  }
  console.log(rows.join('\n'));
}

/** Empty tables, then TENANTS tenants with an admin and one pathway, and COUNT reminders due now. */
async function seed(owner: pg.Pool, count: number): Promise<void> {
  await owner.query('TRUNCATE tenants, users CASCADE');
  const perTenant = Math.ceil(count / TENANTS);
  for (let t = 0; t < TENANTS; t++) {
    const [tenant, user, certification, candidate, pathway] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await owner.query(`INSERT INTO tenants (id, name, slug, updated_at) VALUES ($1, $2, $3, now())`, [tenant, `GEIQ ${t}`, `geiq-bench-${t}`]);
    await owner.query(`INSERT INTO users (id, email, password_hash, first_name, last_name, updated_at) VALUES ($1, $2, 'x', 'Admin', $3, now())`, [user, `admin-${t}@bench.jalon`, String(t)]);
    await owner.query(`INSERT INTO memberships (id, tenant_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'TENANT_ADMIN')`, [tenant, user]);
    await owner.query(`INSERT INTO certifications (id, tenant_id, kind, code, title, certifier, admissibility_validity_months, updated_at) VALUES ($1, $2, 'CQPM', 'X', 'Bench', 'UIMM', 36, now())`, [certification, tenant]);
    await owner.query(`INSERT INTO candidates (id, tenant_id, first_name, last_name, search_name, birth_date, updated_at) VALUES ($1, $2, 'Camille', 'Bench', 'camille bench', '2004-01-01', now())`, [candidate, tenant]);
    await owner.query(`INSERT INTO pathways (id, tenant_id, candidate_id, certification_id, state, updated_at) VALUES ($1, $2, $3, $4, 'JURY_SCHEDULED', now())`, [pathway, tenant, candidate, certification]);
    await owner.query(
      `INSERT INTO reminders (id, tenant_id, pathway_id, kind, due_at, recipients, dedup_key, updated_at)
       SELECT gen_random_uuid(), $1, $2::uuid, 'JURY_RESULT_MISSING', now() - interval '1 minute', ARRAY['COORDINATOR'], $2::text || ':bench:' || i, now()
       FROM generate_series(1, $3::int) AS i`,
      [tenant, pathway, Math.min(perTenant, count - t * perTenant)],
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
