import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addDays, addMonths, parisDate } from '@jalon/domain';
import { JobQueue, QueueName } from '@jalon/server/jobs';
import type { AppConfig } from '@jalon/server/config';
import { ReminderScanJob } from '../src/reminders/reminder-scan.job.js';
import { ReminderSweepJob } from '../src/reminders/reminder-sweep.job.js';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestTenant } from '../../../test/support/factories.js';
import { bearer, http, login, startApi, startWorker } from '../../../test/support/harness.js';
import { SmtpSink } from '../../../test/support/smtp-sink.js';
import { waitFor } from '../../../test/support/wait.js';

const today = () => parisDate(new Date());

/** Reminders: planned with the change that causes them, delivered once by the worker. */
describe('reminders', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let smtp: SmtpSink;
  let config: AppConfig;
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let tenant: TestTenant;
  let token: string;
  let coordinator: Awaited<ReturnType<Factory['member']>>;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    config = testConfig({ SMTP_URL: smtp.url, REMINDER_SWEEP_EVERY_MS: '3600000' });
    app = await startApi(config);
    worker = await startWorker(config);
    tenant = await factory.tenant();
    coordinator = await factory.member(tenant, 'COORDINATOR');
    token = (await login(app, coordinator.email, coordinator.password)).accessToken;
  });

  afterAll(async () => {
    await worker.close();
    await app.close();
    await smtp.close();
    await pools.close();
  });

  const api = {
    post: (path: string, body: object) => http(app).post(`/api/v1${path}`).set(bearer(token)).send(body),
    patch: (path: string, body: object) => http(app).patch(`/api/v1${path}`).set(bearer(token)).send(body),
  };
  const reminders = async (pathwayId: string) =>
    (await pools.owner.query<{ kind: string; status: string; dedup_key: string }>('SELECT kind, status, dedup_key FROM reminders WHERE pathway_id = $1 ORDER BY due_at, dedup_key', [pathwayId])).rows;

  async function pathwayWithContract() {
    const certification = await factory.certification(tenant);
    const candidate = await factory.candidate(tenant, { firstName: 'Loïc' });
    const created = await api.post('/pathways', { candidateId: candidate.id, certificationId: certification.id, referentCoordinatorId: coordinator.id });
    const start = addDays(today(), 10);
    const contract = await api.post(`/pathways/${created.body.id}/contracts`, { startDate: start, plannedEndDate: addMonths(start, 12), trialEndDate: addDays(start, 30), payPercentOfSmic: 80 });
    expect(contract.status).toBe(201);
    return { pathwayId: created.body.id as string, contractId: contract.body.id as string, start };
  }

  it('plans reminders in the transaction of the change, and moves them when a date moves', async () => {
    const { pathwayId, contractId, start } = await pathwayWithContract();
    const planned = await reminders(pathwayId);
    expect(planned.map((r) => r.kind)).toEqual(['OPCO_FILING_DUE', 'TRIAL_ENDING', 'CONTRACT_ENDING', 'CONTRACT_ENDING']);
    expect(planned.every((r) => r.status === 'PLANNED')).toBe(true);

    const moved = await api.patch(`/pathways/${pathwayId}/contracts/${contractId}`, { plannedEndDate: addMonths(start, 18), opcoFiledOn: start });
    expect(moved.status).toBe(200);
    const after = await reminders(pathwayId);
    expect(after.filter((r) => r.status === 'CANCELLED').map((r) => r.kind).sort()).toEqual(['CONTRACT_ENDING', 'CONTRACT_ENDING', 'OPCO_FILING_DUE']);
    const live = after.filter((r) => r.status === 'PLANNED');
    // Filed with the OPCO: the filing reminder goes, the OPCO's 20 days of silence come.
    expect(live.map((r) => r.kind).sort()).toEqual(['CONTRACT_ENDING', 'CONTRACT_ENDING', 'OPCO_SILENCE', 'TRIAL_ENDING']);
    expect(live.some((r) => r.dedup_key.endsWith(addDays(addMonths(start, 18), -30)))).toBe(true);
  });

  it('sends a due reminder once: a notification and an e-mail to the coordinator, even if its job runs twice', async () => {
    const { pathwayId } = await pathwayWithContract();
    // The clock moves on: the OPCO filing reminder is due.
    const { rows } = await pools.owner.query<{ id: string }>(`UPDATE reminders SET due_at = now() - interval '1 minute' WHERE pathway_id = $1 AND kind = 'OPCO_FILING_DUE' RETURNING id`, [pathwayId]);
    const reminderId = rows[0]!.id;
    await worker.get(ReminderSweepJob).handle();
    const mail = await smtp.waitFor(coordinator.email);
    expect(mail.subject).toBe('Contrat de Loïc ' + (await pools.owner.query('SELECT last_name FROM candidates c JOIN pathways p ON p.candidate_id = c.id WHERE p.id = $1', [pathwayId])).rows[0].last_name + ' à transmettre à l’OPCO');
    expect(mail.text).toContain(`http://jalon.test/parcours/${pathwayId}`);

    // A second job for the same reminder (retry, second worker): nothing more is sent.
    await worker.get(JobQueue).enqueue('reminder.send', { tenantId: tenant.id, reminderId });
    await waitFor(async () => ((await worker.get(JobQueue).queue(QueueName.Reminders).getJobCounts('completed')).completed ?? 0) >= 2);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.to(coordinator.email).filter((m) => m.subject?.includes('Loïc'))).toHaveLength(1);
    const status = await pools.owner.query('SELECT status FROM reminders WHERE id = $1', [reminderId]);
    expect(status.rows[0].status).toBe('SENT');
    const notifications = await pools.owner.query('SELECT user_id, kind, link FROM notifications WHERE reminder_id = $1', [reminderId]);
    expect(notifications.rows).toEqual([{ user_id: coordinator.id, kind: 'OPCO_FILING_DUE', link: `/parcours/${pathwayId}` }]);
  });

  it('shows the sent reminder in the bell, the timeline and the pathway’s reminders; the bell can be read', async () => {
    const { pathwayId } = await pathwayWithContract();
    await pools.owner.query(`UPDATE reminders SET due_at = now() - interval '1 minute' WHERE pathway_id = $1 AND kind = 'OPCO_FILING_DUE'`, [pathwayId]);
    await worker.get(ReminderSweepJob).handle();
    await waitFor(async () => (await pools.owner.query(`SELECT status FROM reminders WHERE pathway_id = $1 AND kind = 'OPCO_FILING_DUE'`, [pathwayId])).rows[0].status === 'SENT');

    const bell = await http(app).get('/api/v1/notifications?unread=true').set(bearer(token));
    expect(bell.status).toBe(200);
    const mine = bell.body.items.find((n: { link: string }) => n.link === `/parcours/${pathwayId}`);
    expect(mine).toMatchObject({ kind: 'OPCO_FILING_DUE', readAt: null, title: expect.stringContaining('Loïc') });
    expect(bell.body.unreadCount).toBeGreaterThan(0);
    expect((await http(app).post(`/api/v1/notifications/${mine.id}/read`).set(bearer(token))).status).toBe(204);
    const readAll = await http(app).post('/api/v1/notifications/read-all').set(bearer(token));
    expect(readAll.status).toBe(200);
    expect((await http(app).get('/api/v1/notifications').set(bearer(token))).body.unreadCount).toBe(0);

    const timeline = await http(app).get(`/api/v1/pathways/${pathwayId}/timeline`).set(bearer(token));
    expect(timeline.body.items.find((i: { type: string }) => i.type === 'REMINDER').summary).toBe('Rappel envoyé : contrat à transmettre à l’OPCO');
    const list = await http(app).get(`/api/v1/pathways/${pathwayId}/reminders`).set(bearer(token));
    expect(list.body.find((r: { kind: string }) => r.kind === 'OPCO_FILING_DUE')).toMatchObject({ status: 'SENT', sentAt: expect.any(String) });

    // Someone else's notification cannot be read.
    const stranger = await factory.member(tenant, 'TUTOR');
    const strangerToken = (await login(app, stranger.email, stranger.password)).accessToken;
    expect((await http(app).post(`/api/v1/notifications/${mine.id}/read`).set(bearer(strangerToken))).status).toBe(404);
    expect((await http(app).get(`/api/v1/pathways/${pathwayId}/reminders`).set(bearer(strangerToken))).status).toBe(403);
  });

  it('sends no e-mail, only the notification, to someone who turned that kind off', async () => {
    const prefs = await http(app).put('/api/v1/notifications/preferences').set(bearer(token)).send({ preferences: [{ kind: 'TRIAL_ENDING', email: false }] });
    expect(prefs.status).toBe(200);
    expect(prefs.body.find((p: { kind: string }) => p.kind === 'TRIAL_ENDING').email).toBe(false);
    const { pathwayId } = await pathwayWithContract();
    const { rows } = await pools.owner.query<{ id: string }>(`UPDATE reminders SET due_at = now() - interval '1 minute' WHERE pathway_id = $1 AND kind = 'TRIAL_ENDING' RETURNING id`, [pathwayId]);
    await worker.get(ReminderSweepJob).handle();
    await waitFor(async () => (await pools.owner.query('SELECT status FROM reminders WHERE id = $1', [rows[0]!.id])).rows[0].status === 'SENT');
    const outbox = await pools.owner.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE kind = 'REMINDER_TRIAL_ENDING' AND recipient = $1`, [coordinator.email]);
    expect(outbox.rows[0].n).toBe(0);
    expect((await pools.owner.query('SELECT count(*)::int AS n FROM notifications WHERE reminder_id = $1', [rows[0]!.id])).rows[0].n).toBe(1);
    expect((await http(app).put('/api/v1/notifications/preferences').set(bearer(token)).send({ preferences: [{ kind: 'NOPE', email: false }] })).status).toBe(400);
  });

  /** The leads (in days) of a pathway's planned CONTRACT_ENDING reminders. */
  const contractEndingLeads = async (pathwayId: string) =>
    (await reminders(pathwayId)).filter((r) => r.status === 'PLANNED' && r.kind === 'CONTRACT_ENDING').map((r) => r.dedup_key.split(':')[2]);
  const replanPending = async () => (await pools.owner.query('SELECT reminders_replan_requested_at AS at FROM tenants WHERE id = $1', [tenant.id])).rows[0].at !== null;

  it('lets the tenant admin change lead times; the worker then re-plans the open pathways', async () => {
    const { pathwayId } = await pathwayWithContract();
    const admin = await factory.member(tenant, 'TENANT_ADMIN');
    const adminToken = (await login(app, admin.email, admin.password)).accessToken;
    expect((await http(app).get('/api/v1/settings/reminders').set(bearer(adminToken))).body.contractEndingLeadDays).toEqual([90, 30]);
    const changed = await http(app).patch('/api/v1/settings/reminders').set(bearer(adminToken)).send({ contractEndingLeadDays: [60] });
    expect(changed.status).toBe(200);
    expect(changed.body.contractEndingLeadDays).toEqual([60]);
    await waitFor(async () => JSON.stringify(await contractEndingLeads(pathwayId)) === '["60"]');
    await waitFor(async () => !(await replanPending()));
    expect((await http(app).patch('/api/v1/settings/reminders').set(bearer(token)).send({ contractEndingLeadDays: [30] })).status).toBe(403);
    expect((await http(app).patch('/api/v1/settings/reminders').set(bearer(adminToken)).send({ sendTime: '25:00' })).status).toBe(400);
    const horizon = await http(app).patch('/api/v1/settings/reminders').set(bearer(adminToken)).send({ weeklyDigestHorizonDays: 60 });
    expect(horizon.status).toBe(400);
    expect(horizon.body.code).toBe('VALIDATION_FAILED');
    expect(horizon.body.errors).toEqual([expect.objectContaining({ path: 'weeklyDigestHorizonDays' })]);
    await http(app).patch('/api/v1/settings/reminders').set(bearer(adminToken)).send({ contractEndingLeadDays: [90, 30] });
    await waitFor(async () => JSON.stringify(await contractEndingLeads(pathwayId)) === '["90","30"]');
    await waitFor(async () => !(await replanPending()));
  });

  it('cancels the reminders of a withdrawn pathway', async () => {
    const { pathwayId } = await pathwayWithContract();
    await pools.owner.query(`UPDATE pathways SET state = 'EXPERIENCE' WHERE id = $1`, [pathwayId]);
    const version = (await http(app).get(`/api/v1/pathways/${pathwayId}`).set(bearer(token))).body.version;
    const withdrawn = await api.post(`/pathways/${pathwayId}/transitions`, { action: 'withdraw', expectedVersion: version, reason: 'Démission', date: today() });
    expect(withdrawn.status).toBe(200);
    expect((await reminders(pathwayId)).every((r) => r.status === 'CANCELLED')).toBe(true);
  });

  it('finds a silent tutor once per silence, and reminds the tutor then the coordinator', async () => {
    const other = await factory.tenant();
    const fixture = await factory.rowInEveryTable(other); // the tutor's last entry is 2026-02-01
    await pools.owner.query(`UPDATE placements SET start_date = '2026-01-05' WHERE pathway_id = $1`, [fixture.pathwayId]);
    const scan = worker.get(ReminderScanJob);
    expect(await scan.scanTenant(other.id)).toBe(2);
    expect(await scan.scanTenant(other.id)).toBe(0);
    const { rows } = await pools.owner.query<{ kind: string; dedup_key: string; recipients: string[] }>(
      `SELECT kind, dedup_key, recipients FROM reminders WHERE pathway_id = $1 AND kind LIKE 'TUTOR_SILENT%' ORDER BY kind`,
      [fixture.pathwayId],
    );
    expect(rows).toEqual([
      { kind: 'TUTOR_SILENT', dedup_key: `${fixture.pathwayId}:TUTOR_SILENT:2026-02-01`, recipients: ['TUTOR'] },
      { kind: 'TUTOR_SILENT_ESCALATION', dedup_key: `${fixture.pathwayId}:TUTOR_SILENT_ESCALATION:2026-02-01`, recipients: ['COORDINATOR'] },
    ]);
    await pools.owner.query(`UPDATE reminders SET due_at = now() - interval '1 minute' WHERE pathway_id = $1 AND kind = 'TUTOR_SILENT'`, [fixture.pathwayId]);
    await worker.get(ReminderSweepJob).handle();
    const mail = await smtp.waitFor(fixture.tutor.email);
    expect(mail.subject).toMatch(/^Suivi de Camille .* à compléter$/);
  });

  it('puts ids only in reminder jobs', async () => {
    const { pathwayId } = await pathwayWithContract();
    const { rows } = await pools.owner.query<{ id: string }>(`SELECT id FROM reminders WHERE pathway_id = $1 LIMIT 1`, [pathwayId]);
    const jobs = worker.get(JobQueue);
    await jobs.enqueue('reminder.send', { tenantId: tenant.id, reminderId: rows[0]!.id }, { jobId: `probe-${rows[0]!.id}`, delayMs: 60_000 });
    const job = await jobs.queue(QueueName.Reminders).getJob(`probe-${rows[0]!.id}`);
    expect(Object.keys(job!.data).sort()).toEqual(['reminderId', 'tenantId']);
    await job!.remove();
  });
});
