import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory } from '../../../test/support/factories.js';
import { bearer, http, login, startApi, startWorker } from '../../../test/support/harness.js';
import { SmtpSink } from '../../../test/support/smtp-sink.js';

describe('platform administration', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let smtp: SmtpSink;
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let platformToken: string;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    const config = testConfig({ SMTP_URL: smtp.url });
    app = await startApi(config);
    worker = await startWorker(config);
    const admin = await factory.user({ platformAdmin: true });
    const session = await login(app, admin.email, admin.password);
    expect(session.role).toBe('PLATFORM_ADMIN');
    expect(session.tenant).toBeNull();
    platformToken = session.accessToken;
  });

  afterAll(async () => {
    await worker.close();
    await app.close();
    await smtp.close();
    await pools.close();
  });

  it('creates a tenant and invites its first admin, who can then log in to it', async () => {
    const slug = `geiq-btp-${Date.now()}`;
    const adminEmail = `direction-${Date.now()}@geiq-btp.test`;
    const created = await http(app)
      .post('/api/v1/platform/tenants')
      .set(bearer(platformToken))
      .send({ name: 'GEIQ BTP Occitanie', slug, siret: '732 829 320 00074', adminEmail });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'GEIQ BTP Occitanie', slug, siret: '73282932000074' });

    const mail = await smtp.waitFor(adminEmail);
    expect(mail.subject).toContain('GEIQ BTP Occitanie');
    const token = /token=([\w-]+)/.exec(mail.text!)![1]!;
    const accepted = await http(app).post('/api/v1/auth/accept-invitation').send({ token, password: 'la direction du geiq btp', firstName: 'Anne', lastName: 'Durand' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ role: 'TENANT_ADMIN', tenant: { slug } });

    const { rows } = await pools.owner.query(`SELECT action FROM audit_logs WHERE tenant_id = $1 ORDER BY occurred_at`, [created.body.id]);
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['tenant.create', 'invitation.create', 'invitation.accept']));

    const listed = await http(app).get('/api/v1/platform/tenants?pageSize=100').set(bearer(platformToken));
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBeGreaterThan(0);
  });

  it('refuses a slug already taken, and an invalid SIRET, writing nothing', async () => {
    const existing = await factory.tenant();
    const taken = await http(app).post('/api/v1/platform/tenants').set(bearer(platformToken)).send({ name: 'Doublon', slug: existing.slug, adminEmail: 'a@b.fr' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('TENANT_SLUG_TAKEN');
    const slug = `geiq-siret-${Date.now()}`;
    const badSiret = await http(app).post('/api/v1/platform/tenants').set(bearer(platformToken)).send({ name: 'Mauvais SIRET', slug, siret: '73282932000075', adminEmail: 'a@b.fr' });
    expect(badSiret.status).toBe(400);
    expect(badSiret.body.errors[0].path).toBe('siret');
    const { rows } = await pools.owner.query('SELECT count(*)::int AS n FROM tenants WHERE slug = $1', [slug]);
    expect(rows[0].n).toBe(0);
  });

  it('never reads case data', async () => {
    const response = await http(app).get('/api/v1/invitations').set(bearer(platformToken));
    expect(response.status).toBe(403);
  });

  it('is the only one who may create tenants', async () => {
    const tenant = await factory.tenant();
    const admin = await factory.member(tenant, 'TENANT_ADMIN');
    const { accessToken } = await login(app, admin.email, admin.password);
    const response = await http(app).post('/api/v1/platform/tenants').set(bearer(accessToken)).send({ name: 'Pirate', slug: `pirate-${Date.now()}`, adminEmail: 'a@b.fr' });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });
});
