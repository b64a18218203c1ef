import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestTenant } from '../../../test/support/factories.js';
import { bearer, http, login, startApi, startWorker } from '../../../test/support/harness.js';
import { SmtpSink } from '../../../test/support/smtp-sink.js';

const NEW_PASSWORD = 'une phrase de passe solide';

/** The token of the link in an invitation e-mail. */
function tokenFrom(text: string): string {
  const match = /\/invitation\?token=([\w-]+)/.exec(text);
  if (!match) throw new Error(`no invitation link in: ${text}`);
  return match[1]!;
}

describe('invitations', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let smtp: SmtpSink;
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let tenant: TestTenant;
  let adminToken: string;
  let coordinatorToken: string;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    const config = testConfig({ SMTP_URL: smtp.url });
    app = await startApi(config);
    worker = await startWorker(config);
    tenant = await factory.tenant();
    const admin = await factory.member(tenant, 'TENANT_ADMIN');
    const coordinator = await factory.member(tenant, 'COORDINATOR');
    adminToken = (await login(app, admin.email, admin.password)).accessToken;
    coordinatorToken = (await login(app, coordinator.email, coordinator.password)).accessToken;
  });

  afterAll(async () => {
    await worker.close();
    await app.close();
    await smtp.close();
    await pools.close();
  });

  const invite = (token: string, body: object) => http(app).post('/api/v1/invitations').set(bearer(token)).send(body);
  const accept = (body: object) => http(app).post('/api/v1/auth/accept-invitation').send(body);

  it('sends a French e-mail whose link lets the invitee set a password and log in', async () => {
    const email = `nouvelle-coordinatrice-${Date.now()}@test.jalon.fr`;
    const created = await invite(adminToken, { email, role: 'COORDINATOR' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, role: 'COORDINATOR', status: 'PENDING' });

    const mail = await smtp.waitFor(email);
    expect(mail.subject).toContain(tenant.name);
    expect(mail.text).toContain('Chargé·e d’accompagnement');
    expect(mail.html).toContain('Accepter l’invitation');
    const token = tokenFrom(mail.text!);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);

    const accepted = await accept({ token, password: NEW_PASSWORD, firstName: 'Hélène', lastName: 'Martin' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ role: 'COORDINATOR', tenant: { id: tenant.id }, user: { email, firstName: 'Hélène' } });

    const session = await login(app, email, NEW_PASSWORD);
    expect(session.role).toBe('COORDINATOR');

    // Single use.
    const again = await accept({ token, password: NEW_PASSWORD, firstName: 'Hélène', lastName: 'Martin' });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('INVITATION_INVALID');

    // The outbox row is marked sent and no longer holds the link.
    const { rows } = await pools.owner.query(`SELECT status, text_body FROM outbox_messages WHERE recipient = $1`, [email]);
    expect(rows).toEqual([{ status: 'SENT', text_body: null }]);
    const list = await http(app).get('/api/v1/invitations?status=ACCEPTED').set(bearer(adminToken));
    expect(list.body.items.map((i: { email: string }) => i.email)).toContain(email);
  });

  it('stores only the token’s hash', async () => {
    const email = `hash-${Date.now()}@test.jalon.fr`;
    await invite(adminToken, { email, role: 'TUTOR' });
    const token = tokenFrom((await smtp.waitFor(email)).text!);
    const { rows } = await pools.owner.query('SELECT count(*)::int AS n FROM invitations WHERE token_hash = $1', [token]);
    expect(rows[0].n).toBe(0);
  });

  it('lets a coordinator invite tutors, employers and candidates, not staff', async () => {
    const employer = await factory.employer(tenant);
    const candidate = await factory.candidate(tenant);
    const links: Record<string, { employerId?: string; candidateId?: string }> = { TUTOR: { employerId: employer.id }, EMPLOYER: { employerId: employer.id }, CANDIDATE: { candidateId: candidate.id } };
    for (const [role, link] of Object.entries(links)) {
      const response = await invite(coordinatorToken, { email: `${role.toLowerCase()}-${Date.now()}@test.jalon.fr`, role, ...link });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ role, employerId: link.employerId ?? null });
    }
    for (const role of ['COORDINATOR', 'TENANT_ADMIN']) {
      const refused = await invite(coordinatorToken, { email: `staff-${role}-${Date.now()}@test.jalon.fr`, role });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('INVITATION_ROLE_NOT_ALLOWED');
    }
  });

  it('is refused to tutors, employers and candidates', async () => {
    for (const role of ['TUTOR', 'EMPLOYER', 'CANDIDATE'] as const) {
      const person = await factory.member(tenant, role);
      const { accessToken } = await login(app, person.email, person.password);
      const response = await invite(accessToken, { email: `x-${Date.now()}@test.jalon.fr`, role: 'CANDIDATE' });
      expect(response.status).toBe(403);
      expect((await http(app).get('/api/v1/invitations').set(bearer(accessToken))).status).toBe(403);
    }
  });

  it('refuses a second pending invitation and an existing member, with codes', async () => {
    const email = `double-${Date.now()}@test.jalon.fr`;
    expect((await invite(adminToken, { email, role: 'TUTOR' })).status).toBe(201);
    const duplicate = await invite(adminToken, { email, role: 'TUTOR' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('INVITATION_ALREADY_PENDING');
    const member = await factory.member(tenant, 'TUTOR');
    const already = await invite(adminToken, { email: member.email, role: 'TUTOR' });
    expect(already.status).toBe(409);
    expect(already.body.code).toBe('INVITATION_ALREADY_MEMBER');
  });

  it('validates the body', async () => {
    const cases: object[] = [
      { email: 'pas-une-adresse', role: 'TUTOR' },
      { email: 'a@b.fr', role: 'PLATFORM_ADMIN' },
      { email: 'a@b.fr', role: 'TUTOR', extra: 1 },
      { email: 'a@b.fr', role: 'TUTOR', employerId: 'abc' },
      { email: 'a@b.fr', role: 'EMPLOYER' },
      { email: 'a@b.fr', role: 'CANDIDATE' },
      // Another tenant's (or no) company.
      { email: 'a@b.fr', role: 'EMPLOYER', employerId: '01a21ca0-52e9-74ea-aaf8-b5ba84bbe2a0' },
    ];
    for (const body of cases) {
      const response = await invite(adminToken, body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('refuses a weak password with a French reason and writes nothing', async () => {
    const email = `faible-${Date.now()}@test.jalon.fr`;
    await invite(adminToken, { email, role: 'CANDIDATE', candidateId: (await factory.candidate(tenant)).id });
    const token = tokenFrom((await smtp.waitFor(email)).text!);
    const short = await accept({ token, password: 'court', firstName: 'A', lastName: 'B' });
    expect(short.status).toBe(422);
    expect(short.body).toMatchObject({ code: 'PASSWORD_REJECTED' });
    expect(short.body.detail).toContain('12 caractères');
    const common = await accept({ token, password: 'password1234', firstName: 'A', lastName: 'B' });
    expect(common.status).toBe(422);
    expect(common.body.detail).toContain('les plus courants');
    const users = await pools.owner.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email]);
    expect(users.rows[0].n).toBe(0);
    const invitation = await pools.owner.query('SELECT accepted_at FROM invitations WHERE email = $1', [email]);
    expect(invitation.rows[0].accepted_at).toBeNull();
    // The invitation is still usable.
    expect((await accept({ token, password: NEW_PASSWORD, firstName: 'A', lastName: 'B' })).status).toBe(200);
  });

  it('links an existing account only with its current password', async () => {
    const other = await factory.tenant('GEIQ Voisin');
    const existing = await factory.member(other, 'TUTOR');
    await invite(adminToken, { email: existing.email, role: 'TUTOR' });
    const token = tokenFrom((await smtp.waitFor(existing.email)).text!);
    const wrong = await accept({ token, password: 'une autre phrase de passe', firstName: 'X', lastName: 'Y' });
    expect(wrong.status).toBe(401);
    const linked = await accept({ token, password: existing.password, firstName: 'X', lastName: 'Y' });
    expect(linked.status).toBe(200);
    expect(linked.body.memberships).toHaveLength(2);
  });

  it('can be revoked, after which its link no longer works', async () => {
    const email = `annulee-${Date.now()}@test.jalon.fr`;
    const created = await invite(adminToken, { email, role: 'TUTOR' });
    const token = tokenFrom((await smtp.waitFor(email)).text!);
    expect((await http(app).delete(`/api/v1/invitations/${created.body.id}`).set(bearer(adminToken))).status).toBe(204);
    expect((await accept({ token, password: NEW_PASSWORD, firstName: 'A', lastName: 'B' })).status).toBe(410);
    const { rows } = await pools.owner.query(`SELECT action, tenant_id, actor_id, entity, request_id FROM audit_logs WHERE entity_id = $1 ORDER BY occurred_at`, [created.body.id]);
    expect(rows.map((r) => r.action)).toEqual(['invitation.create', 'invitation.revoke']);
    for (const row of rows) {
      expect(row).toMatchObject({ tenant_id: tenant.id, entity: 'Invitation', actor_id: expect.any(String), request_id: expect.any(String) });
    }
  });

  it('expires after 7 days', async () => {
    const email = `expiree-${Date.now()}@test.jalon.fr`;
    const created = await invite(adminToken, { email, role: 'TUTOR' });
    expect(new Date(created.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const token = tokenFrom((await smtp.waitFor(email)).text!);
    await pools.owner.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [created.body.id]);
    expect((await accept({ token, password: NEW_PASSWORD, firstName: 'A', lastName: 'B' })).status).toBe(410);
  });

  it('answers 410 for an unknown token and 400 for a malformed body', async () => {
    expect((await accept({ token: 'n'.repeat(43), password: NEW_PASSWORD, firstName: 'A', lastName: 'B' })).status).toBe(410);
    const bad = await accept({ token: 'x', password: NEW_PASSWORD });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['firstName', 'lastName']);
  });

  it('lists with pagination, newest first', async () => {
    const response = await http(app).get('/api/v1/invitations?page=1&pageSize=2').set(bearer(adminToken));
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(2);
    expect(response.body.total).toBeGreaterThan(2);
    const [first, second] = response.body.items;
    expect(first.createdAt >= second.createdAt).toBe(true);
    expect((await http(app).get('/api/v1/invitations?pageSize=500').set(bearer(adminToken))).status).toBe(400);
  });
});
