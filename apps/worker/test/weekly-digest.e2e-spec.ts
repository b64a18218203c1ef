import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { addDays, DEFAULT_REMINDER_SETTINGS, parisDate, weeklyDigestDueAt } from '@jalon/domain';
import { JobQueue, QueueName } from '@jalon/server/jobs';
import { ReminderScanJob } from '../src/reminders/reminder-scan.job.js';
import { ReminderSweepJob } from '../src/reminders/reminder-sweep.job.js';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestTenant } from '../../../test/support/factories.js';
import { startWorker } from '../../../test/support/harness.js';
import { SmtpSink } from '../../../test/support/smtp-sink.js';
import { waitFor } from '../../../test/support/wait.js';

const DAY = 86_400_000;

/**
 * The Monday digest, on real Postgres, Redis and SMTP: planned by the scan as
 * of a week ago, so that its Monday 08:00 has come when the sweep runs.
 */
describe('weekly digest', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let smtp: SmtpSink;
  let worker: INestApplicationContext;
  const today = parisDate(new Date());

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    worker = await startWorker(testConfig({ SMTP_URL: smtp.url, REMINDER_SWEEP_EVERY_MS: '3600000' }));
  });

  afterAll(async () => {
    await worker.close();
    await smtp.close();
    await pools.close();
  });

  /** A pathway of `referent` with a contract (filed with the OPCO unless told), and a jury date if given. */
  async function pathway(tenant: TestTenant, referent: string, lastName: string, dates: { start: string; filed?: boolean; juryOn?: string }) {
    const certification = await factory.certification(tenant);
    const candidate = await factory.candidate(tenant, { firstName: 'Camille', lastName });
    const id = randomUUID();
    await pools.owner.query(
      `INSERT INTO pathways (id, tenant_id, candidate_id, certification_id, referent_coordinator_id, state, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())`,
      [id, tenant.id, candidate.id, certification.id, referent, dates.juryOn ? 'JURY_SCHEDULED' : 'EXPERIENCE'],
    );
    await pools.owner.query(
      `INSERT INTO contracts (id, tenant_id, pathway_id, kind, start_date, planned_end_date, pay_percent_of_smic, opco_filed_on, updated_at)
       VALUES ($1, $2, $3, 'VAE_INVERSEE', $4, $5, 80, $6, now())`,
      [randomUUID(), tenant.id, id, dates.start, addDays(dates.start, 700), dates.filed === false ? null : dates.start],
    );
    if (dates.juryOn) await pools.owner.query(`INSERT INTO jury_sessions (id, tenant_id, pathway_id, attempt, date) VALUES ($1, $2, $3, 1, $4)`, [randomUUID(), tenant.id, id, dates.juryOn]);
    return { id, name: `Camille ${lastName}` };
  }

  const digestRows = async (tenantId: string) =>
    (
      await pools.owner.query<{ id: string; user_id: string; pathway_id: string | null; due_at: Date; dedup_key: string; status: string }>(
        `SELECT id, user_id, pathway_id, due_at, dedup_key, status FROM reminders WHERE tenant_id = $1 AND kind = 'WEEKLY_DIGEST' ORDER BY due_at, user_id`,
        [tenantId],
      )
    ).rows;

  it('sends each referent coordinator, once, their own overdue and coming deadlines, and nothing of another tenant', async () => {
    const geiq = await factory.tenant();
    const alice = await factory.member(geiq, 'COORDINATOR');
    const bruno = await factory.member(geiq, 'COORDINATOR');
    const chloe = await factory.member(geiq, 'TENANT_ADMIN');
    const denis = await factory.member(geiq, 'COORDINATOR');
    const late = await pathway(geiq, alice.id, `Retard-${randomUUID().slice(0, 6)}`, { start: addDays(today, -20), filed: false });
    const jury = await pathway(geiq, alice.id, `Jury-${randomUUID().slice(0, 6)}`, { start: addDays(today, -200), juryOn: addDays(today, 10) });
    const quiet = await pathway(geiq, alice.id, `Calme-${randomUUID().slice(0, 6)}`, { start: addDays(today, -100) });
    const brunos = await pathway(geiq, bruno.id, `Bruno-${randomUUID().slice(0, 6)}`, { start: addDays(today, -200), juryOn: addDays(today, 5) });
    await pathway(geiq, chloe.id, `Chloe-${randomUUID().slice(0, 6)}`, { start: addDays(today, -100) });
    // Bruno reads his digest in the app only.
    await pools.owner.query(`INSERT INTO email_preferences (id, tenant_id, user_id, kind, email) VALUES ($1, $2, $3, 'WEEKLY_DIGEST', false)`, [randomUUID(), geiq.id, bruno.id]);

    const other = await factory.tenant();
    const emma = await factory.member(other, 'COORDINATOR');
    const elsewhere = await pathway(other, emma.id, `Ailleurs-${randomUUID().slice(0, 6)}`, { start: addDays(today, -20), filed: false });

    // A week ago, the scan plans the digest of the Monday to come, which has now come.
    const weekAgo = new Date(Date.now() - 7 * DAY);
    const monday = weeklyDigestDueAt(weekAgo);
    const scan = worker.get(ReminderScanJob);
    expect(await scan.scanTenant(geiq.id, DEFAULT_REMINDER_SETTINGS, weekAgo)).toBe(3);
    expect(await scan.scanTenant(geiq.id, DEFAULT_REMINDER_SETTINGS, weekAgo)).toBe(0);
    expect(await scan.scanTenant(other.id, DEFAULT_REMINDER_SETTINGS, weekAgo)).toBe(1);
    const planned = await digestRows(geiq.id);
    // One per referent (Denis has no pathway), about no single pathway, keyed by coordinator and Monday.
    expect(planned.map((r) => r.user_id).sort()).toEqual([alice.id, bruno.id, chloe.id].sort());
    for (const row of planned) {
      expect(row).toMatchObject({ pathway_id: null, status: 'PLANNED', due_at: monday, dedup_key: `${row.user_id}:WEEKLY_DIGEST:${parisDate(monday)}` });
    }

    await worker.get(ReminderSweepJob).handle();
    await waitFor(async () => (await digestRows(geiq.id)).every((r) => r.status === 'SENT' || r.status === 'CANCELLED'), 15_000);
    const mail = await smtp.waitFor(alice.email);
    await smtp.waitFor(emma.email);

    expect(mail.subject).toBe('Vos échéances de la semaine : 1 en retard, 1 à venir');
    expect(mail.text).toContain(`Bonjour Prénom,`);
    expect(mail.text).toContain(`En retard (1)\n- ${late.name} : contrat à transmettre à l’OPCO, depuis le ${addDays(today, -15).split('-').reverse().join('/')}`);
    expect(mail.text).toContain(`Dans les 14 prochains jours (1)\n- ${jury.name} : jury, le ${addDays(today, 10).split('-').reverse().join('/')}`);
    expect(mail.text).toContain(`http://jalon.test/parcours/${late.id}`);
    expect(mail.text).toContain(`http://jalon.test/parcours/${jury.id}`);
    expect(mail.html).toContain(`<a href="http://jalon.test/parcours/${jury.id}">`);
    for (const absent of [quiet.name, brunos.name, elsewhere.name]) {
      expect(mail.text).not.toContain(absent);
      expect(mail.html).not.toContain(absent);
    }
    const emmas = smtp.to(emma.email);
    expect(emmas).toHaveLength(1);
    expect(emmas[0]!.text).toContain(elsewhere.name);
    expect(emmas[0]!.text).not.toContain(late.name);

    const sent = await digestRows(geiq.id);
    const statusOf = (userId: string) => sent.find((r) => r.user_id === userId)!;
    expect(statusOf(alice.id).status).toBe('SENT');
    // Bruno: the notification, no e-mail.
    expect(statusOf(bruno.id).status).toBe('SENT');
    const notified = await pools.owner.query(`SELECT user_id, kind, title, link FROM notifications WHERE reminder_id = ANY($1)`, [sent.map((r) => r.id)]);
    expect(notified.rows).toHaveLength(2);
    expect(notified.rows).toEqual(
      expect.arrayContaining([
        { user_id: alice.id, kind: 'WEEKLY_DIGEST', title: 'Vos échéances de la semaine : 1 en retard, 1 à venir', link: '/tableau-de-bord' },
        { user_id: bruno.id, kind: 'WEEKLY_DIGEST', title: 'Vos échéances de la semaine : 1 à venir', link: '/tableau-de-bord' },
      ]),
    );
    // Chloé has nothing overdue or coming: no e-mail, no notification.
    expect(statusOf(chloe.id).status).toBe('CANCELLED');

    // Sent once: another sweep and a second job for the same digest change nothing.
    const jobs = worker.get(JobQueue);
    await jobs.enqueue('reminder.send', { tenantId: geiq.id, reminderId: statusOf(alice.id).id });
    await worker.get(ReminderSweepJob).handle();
    await waitFor(async () => (await jobs.queue(QueueName.Reminders).getJobs(['completed'])).some((j) => j.name === 'reminder.send'));
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.to(alice.email)).toHaveLength(1);
    for (const person of [bruno, chloe, denis]) expect(smtp.to(person.email)).toHaveLength(0);

    // The jobs carried ids only.
    const batches = (await jobs.queue(QueueName.Reminders).getJobs(['completed'])).filter((j) => j.name === 'reminder.send-batch');
    expect(batches.length).toBeGreaterThan(0);
    for (const job of batches) {
      expect(Object.keys(job.data).sort()).toEqual(['reminderIds', 'tenantId']);
      expect(JSON.stringify(job.data)).not.toMatch(/@|Camille/);
    }

    // Today, the scan plans next week's digests; they wait for their Monday.
    expect(await scan.scanTenant(geiq.id)).toBe(3);
    const next = (await digestRows(geiq.id)).filter((r) => r.status === 'PLANNED');
    expect(next.map((r) => r.due_at)).toEqual([0, 1, 2].map(() => weeklyDigestDueAt(new Date())));
  });

  it('moves the planned digest when the weekday setting changes', async () => {
    const geiq = await factory.tenant();
    const coordinator = await factory.member(geiq, 'COORDINATOR');
    await pathway(geiq, coordinator.id, `Jour-${randomUUID().slice(0, 6)}`, { start: addDays(today, -20), filed: false });
    const scan = worker.get(ReminderScanJob);
    await scan.scanTenant(geiq.id);
    await scan.scanTenant(geiq.id, { ...DEFAULT_REMINDER_SETTINGS, weeklyDigestIsoWeekday: 5 });
    const rows = await digestRows(geiq.id);
    expect(rows.map((r) => [r.status, r.due_at])).toEqual(
      [
        ['PLANNED', weeklyDigestDueAt(new Date(), { sendTime: '08:00', weeklyDigestIsoWeekday: 5 })],
        ['CANCELLED', weeklyDigestDueAt(new Date())],
      ].sort((a, b) => (a[1] as Date).getTime() - (b[1] as Date).getTime()),
    );
  });
});
