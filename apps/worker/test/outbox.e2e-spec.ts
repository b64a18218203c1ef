import { randomUUID } from 'node:crypto';
import type { AppConfig } from '@jalon/server/config';
import { JobQueue, QueueName } from '@jalon/server/jobs';
import { MailDelivery } from '../src/mail/mail-delivery.js';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestTenant } from '../../../test/support/factories.js';
import { startWorker } from '../../../test/support/harness.js';
import { SmtpSink } from '../../../test/support/smtp-sink.js';
import { waitFor } from '../../../test/support/wait.js';

/** The e-mail outbox, on real Postgres, Redis (BullMQ) and a real SMTP listener. */
describe('worker: outbox e-mails', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let smtp: SmtpSink;
  let config: AppConfig;
  let tenant: TestTenant;

  const pendingMessage = async (to: string, ageSeconds = 0, tenantId = tenant.id) => {
    const id = randomUUID();
    await pools.owner.query(
      `INSERT INTO outbox_messages (id, tenant_id, kind, recipient, subject, text_body, html_body, created_at)
       VALUES ($1, $2, 'TEST', $3, 'Objet', 'Bonjour', '<p>Bonjour</p>', now() - make_interval(secs => $4))`,
      [id, tenantId, to, ageSeconds],
    );
    return id;
  };

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    config = testConfig({ SMTP_URL: smtp.url });
    tenant = await factory.tenant();
  });

  afterAll(async () => {
    await smtp.close();
    await pools.close();
  });

  it('sends at start-up what was committed while no job was queued (Redis down or emptied)', async () => {
    const to = `perdu-${Date.now()}@test.jalon.fr`;
    const id = await pendingMessage(to, 120);
    const worker = await startWorker(config);
    try {
      const mail = await smtp.waitFor(to);
      expect(mail.subject).toBe('Objet');
      await waitFor(async () => (await pools.owner.query('SELECT status FROM outbox_messages WHERE id = $1', [id])).rows[0].status === 'SENT');
    } finally {
      await worker.close();
    }
  });

  it('sends once when the same message is enqueued several times', async () => {
    const worker = await startWorker(config);
    try {
      const to = `double-${Date.now()}@test.jalon.fr`;
      const id = await pendingMessage(to);
      const jobs = worker.get(JobQueue);
      // Distinct job ids: BullMQ would otherwise drop the duplicates itself.
      await Promise.all([0, 1, 2].map(() => jobs.enqueue('mail.send', { tenantId: tenant.id, outboxId: id })));
      await smtp.waitFor(to);
      await waitFor(async () => ((await jobs.queue(QueueName.Mail).getJobCounts('completed')).completed ?? 0) >= 3);
      expect(smtp.to(to)).toHaveLength(1);
    } finally {
      await worker.close();
    }
  });

  it('sends nothing when asked for another tenant’s message: the send transaction sees its own tenant only', async () => {
    const worker = await startWorker(config);
    try {
      const other = await factory.tenant();
      const to = `autre-${Date.now()}@test.jalon.fr`;
      // Dated ahead, so that no sweep takes it meanwhile.
      const id = await pendingMessage(to, -600, other.id);
      await worker.get(MailDelivery).send(tenant.id, id);
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.to(to)).toHaveLength(0);
      expect((await pools.owner.query('SELECT status FROM outbox_messages WHERE id = $1', [id])).rows[0].status).toBe('PENDING');
      await worker.get(MailDelivery).send(other.id, id);
      await smtp.waitFor(to);
      expect((await pools.owner.query('SELECT status, text_body FROM outbox_messages WHERE id = $1', [id])).rows[0]).toEqual({ status: 'SENT', text_body: null });
    } finally {
      await worker.close();
    }
  });

  it('puts ids only in job payloads, never personal data', async () => {
    const worker = await startWorker(config);
    try {
      const to = `prive-${Date.now()}@test.jalon.fr`;
      const id = await pendingMessage(to);
      const jobs = worker.get(JobQueue);
      await jobs.enqueue('mail.send', { tenantId: tenant.id, outboxId: id }, { jobId: id, delayMs: 60_000 });
      const job = await jobs.queue(QueueName.Mail).getJob(id);
      expect(Object.keys(job!.data).sort()).toEqual(['outboxId', 'tenantId']);
      expect(JSON.stringify(job!.data)).not.toContain('@');
      await job!.remove();
    } finally {
      await worker.close();
    }
  });

  it('registers the periodic sweep once, however many times the worker starts', async () => {
    const first = await startWorker(config);
    const second = await startWorker(config);
    try {
      const schedulers = await first.get(JobQueue).queue(QueueName.Mail).getJobSchedulers();
      expect(schedulers.filter((s) => s.key === 'mail.sweep' || s.name === 'mail.sweep')).toHaveLength(1);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
