import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { normaliseForSearch } from '@jalon/contracts';
import type { AppConfig } from '@jalon/server/config';
import { Database } from '@jalon/server/database';
import { RedisClient } from '@jalon/server/redis';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestUser } from '../../../test/support/factories.js';
import { bearer, http, login, startApi } from '../../../test/support/harness.js';
import { waitFor } from '../../../test/support/wait.js';
import { MembershipRevocations } from '../src/access/membership-revocations.js';

type Member = TestUser & { membershipId: string };

/** The tenant's members (DESIGN.md §6: the tenant admin manages users), against the real database. */
describe('users: the members of a GEIQ', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let app: NestFastifyApplication;
  let config: AppConfig;

  beforeAll(async () => {
    config = testConfig();
    app = await startApi(config);
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  const as = (token: string) => ({
    get: (path: string) => http(app).get(`/api/v1${path}`).set(bearer(token)),
    patch: (path: string, body: object) => http(app).patch(`/api/v1${path}`).set(bearer(token)).send(body),
    post: (path: string, body: object = {}) => http(app).post(`/api/v1${path}`).set(bearer(token)).send(body),
  });
  /** The revocations another API process on the same Redis would hold (Nest's passport strategies are global to a process: no second app here). */
  const revocationsOfAnotherProcess = () => {
    const redis = new RedisClient(config);
    const revocations = new MembershipRevocations(redis, app.get(Database), config);
    revocations.onModuleInit();
    return {
      isRevoked: (membershipId: string, issuedAtMs: number) => revocations.isRevoked(membershipId, issuedAtMs),
      close: () => {
        revocations.onModuleDestroy();
        redis.disconnect();
      },
    };
  };
  const tokenOf = async (user: TestUser, tenantSlug?: string) => (await login(app, user.email, user.password, tenantSlug)).accessToken;
  const membership = async (id: string) =>
    (await pools.owner.query('SELECT role, employer_id, candidate_id, disabled_at FROM memberships WHERE id = $1', [id])).rows[0] as {
      role: string;
      employer_id: string | null;
      candidate_id: string | null;
      disabled_at: Date | null;
    };
  const names = (body: { items: { firstName: string; lastName: string }[] }) => body.items.map((m) => `${m.firstName} ${m.lastName}`);

  /** A GEIQ with an admin, two coordinators, a tutor of a company, an employer contact and an alternant; one coordinator deactivated. */
  async function geiq() {
    const tenant = await factory.tenant('GEIQ Gascogne');
    const employer = await factory.employer(tenant, 'Chaudronnerie Adour');
    const candidate = await factory.candidate(tenant, { firstName: 'Inès', lastName: 'Lacoste' });
    const person = (firstName: string, lastName: string) => factory.user({ firstName, lastName, email: `${normaliseForSearch(lastName)}-${Math.random().toString(36).slice(2, 8)}@test.jalon.fr` });
    const people = {
      admin: await factory.member(tenant, 'TENANT_ADMIN', await person('Hélène', 'Abadie')),
      coordinator: await factory.member(tenant, 'COORDINATOR', await person('Marc', 'Bergès')),
      former: await factory.member(tenant, 'COORDINATOR', await person('Paul', 'Castex')),
      tutor: await factory.member(tenant, 'TUTOR', await person('Julie', 'Darrieux'), { employerId: employer.id }),
      contact: await factory.member(tenant, 'EMPLOYER', await person('Luc', 'Etcheverry'), { employerId: employer.id }),
      alternant: await factory.member(tenant, 'CANDIDATE', await person('Inès', 'Lacoste'), { candidateId: candidate.id }),
    };
    await pools.owner.query('UPDATE memberships SET disabled_at = now() WHERE id = $1', [people.former.membershipId]);
    return { tenant, employer, candidate, people };
  }

  describe('GET /users', () => {
    let g: Awaited<ReturnType<typeof geiq>>;
    let adminToken: string;

    beforeAll(async () => {
      g = await geiq();
      adminToken = await tokenOf(g.people.admin);
    });

    it('shows a tenant admin every member, by last name, with role, links, status and last sign-in', async () => {
      const response = await as(adminToken).get('/users');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ total: 6, page: 1, pageSize: 20 });
      expect(names(response.body)).toEqual(['Hélène Abadie', 'Marc Bergès', 'Paul Castex', 'Julie Darrieux', 'Luc Etcheverry', 'Inès Lacoste']);
      const byName = Object.fromEntries(response.body.items.map((m: { lastName: string }) => [m.lastName, m]));
      expect(byName['Abadie']).toEqual({
        id: g.people.admin.id,
        membershipId: g.people.admin.membershipId,
        firstName: 'Hélène',
        lastName: 'Abadie',
        email: g.people.admin.email,
        role: 'TENANT_ADMIN',
        employer: null,
        candidate: null,
        active: true,
        memberSince: expect.any(String),
        // The login above.
        lastSignInAt: expect.any(String),
      });
      expect(Date.now() - Date.parse(byName['Abadie'].lastSignInAt)).toBeLessThan(60_000);
      expect(byName['Darrieux']).toMatchObject({ role: 'TUTOR', employer: { id: g.employer.id, name: g.employer.name }, lastSignInAt: null });
      expect(byName['Etcheverry']).toMatchObject({ role: 'EMPLOYER', employer: { id: g.employer.id, name: g.employer.name } });
      expect(byName['Lacoste']).toMatchObject({ role: 'CANDIDATE', candidate: { id: g.candidate.id, firstName: 'Inès', lastName: 'Lacoste' } });
      expect(byName['Castex']).toMatchObject({ role: 'COORDINATOR', active: false });
    });

    it('searches names without accents or case, and e-mails', async () => {
      expect(names((await as(adminToken).get('/users?q=HELENE')).body)).toEqual(['Hélène Abadie']);
      expect(names((await as(adminToken).get('/users?q=berges')).body)).toEqual(['Marc Bergès']);
      expect(names((await as(adminToken).get(`/users?q=${encodeURIComponent(g.people.tutor.email.slice(0, 10))}`)).body)).toEqual(['Julie Darrieux']);
      expect((await as(adminToken).get('/users?q=personne')).body).toMatchObject({ items: [], total: 0 });
    });

    it('filters by role (one or several) and by status, page by page', async () => {
      expect(names((await as(adminToken).get('/users?role=TUTOR')).body)).toEqual(['Julie Darrieux']);
      expect(names((await as(adminToken).get('/users?role=TENANT_ADMIN,COORDINATOR&status=ACTIVE')).body)).toEqual(['Hélène Abadie', 'Marc Bergès']);
      expect(names((await as(adminToken).get('/users?status=INACTIVE')).body)).toEqual(['Paul Castex']);
      const second = await as(adminToken).get('/users?pageSize=4&page=2');
      expect(second.body).toMatchObject({ total: 6, page: 2, pageSize: 4 });
      expect(names(second.body)).toEqual(['Luc Etcheverry', 'Inès Lacoste']);
      const bad = await as(adminToken).get('/users?role=CHEF');
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    });

    it('shows a coordinator the active staff only, without last sign-in: what picking a referent needs', async () => {
      const token = await tokenOf(g.people.coordinator);
      const response = await as(token).get('/users');
      expect(response.status).toBe(200);
      expect(names(response.body)).toEqual(['Hélène Abadie', 'Marc Bergès']);
      expect(response.body.total).toBe(2);
      for (const member of response.body.items) expect(member).not.toHaveProperty('lastSignInAt');
      expect(names((await as(token).get('/users?role=COORDINATOR&q=marc')).body)).toEqual(['Marc Bergès']);
      // Outside the staff, or deactivated: nothing, whatever the filter.
      expect((await as(token).get('/users?role=TUTOR,CANDIDATE')).body).toMatchObject({ items: [], total: 0 });
      expect((await as(token).get('/users?status=INACTIVE')).body).toMatchObject({ items: [], total: 0 });
    });

    it('refuses the other roles (403), as every staff list does', async () => {
      for (const person of [g.people.tutor, g.people.contact, g.people.alternant]) {
        const response = await as(await tokenOf(person)).get('/users');
        expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      }
    });
  });

  describe('tenancy', () => {
    it('never lists, changes or deactivates a member of another GEIQ (404), even one who belongs to both', async () => {
      const g = await geiq();
      const other = await factory.tenant('GEIQ Voisin');
      const otherAdmin = await factory.member(other, 'TENANT_ADMIN');
      // Marc is also a coordinator of the other GEIQ.
      const shared = await factory.member(other, 'COORDINATOR', g.people.coordinator);
      const token = await tokenOf(otherAdmin);

      const listed = await as(token).get('/users?pageSize=100');
      expect(listed.body.items.map((m: { id: string }) => m.id).sort()).toEqual([otherAdmin.id, shared.id].sort());
      expect(listed.body.items.find((m: { id: string }) => m.id === shared.id).membershipId).toBe(shared.membershipId);

      for (const target of [g.people.tutor, g.people.admin]) {
        const changed = await as(token).patch(`/users/${target.id}`, { role: 'COORDINATOR' });
        const deactivated = await as(token).post(`/users/${target.id}/deactivate`);
        expect([changed.status, changed.body.code, deactivated.status, deactivated.body.code]).toEqual([404, 'NOT_FOUND', 404, 'NOT_FOUND']);
      }
      expect(await membership(g.people.tutor.membershipId)).toMatchObject({ role: 'TUTOR', disabled_at: null });
      expect(await membership(g.people.admin.membershipId)).toMatchObject({ role: 'TENANT_ADMIN', disabled_at: null });

      // Deactivating Marc there leaves his membership here as it was.
      expect((await as(token).post(`/users/${shared.id}/deactivate`)).status).toBe(200);
      expect(await membership(g.people.coordinator.membershipId)).toMatchObject({ role: 'COORDINATOR', disabled_at: null });
      expect((await login(app, shared.email, shared.password, g.tenant.slug)).role).toBe('COORDINATOR');
    });

    it('answers 404 for an unknown user and 400 for an id that is not one', async () => {
      const g = await geiq();
      const token = await tokenOf(g.people.admin);
      expect((await as(token).post('/users/0190f5d2-0000-7000-8000-000000000000/deactivate')).status).toBe(404);
      expect((await as(token).post('/users/abc/deactivate')).status).toBe(400);
    });
  });

  describe('PATCH /users/:id (role)', () => {
    it('changes the role with the record it needs, drops links the new role does not use, and audits it', async () => {
      const g = await geiq();
      const token = await tokenOf(g.people.admin);
      const tutorPath = `/users/${g.people.tutor.id}`;

      const missing = await as(token).patch(tutorPath, { role: 'EMPLOYER' });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'employerId', message: 'Choisissez l’entreprise de ce contact.' })]);
      const foreignEmployer = await factory.employer(await factory.tenant('GEIQ Voisin'));
      const foreign = await as(token).patch(tutorPath, { role: 'EMPLOYER', employerId: foreignEmployer.id });
      expect(foreign.status).toBe(400);
      expect(foreign.body.errors).toEqual([{ path: 'employerId', message: 'Entreprise adhérente introuvable.' }]);
      expect(await membership(g.people.tutor.membershipId)).toMatchObject({ role: 'TUTOR', employer_id: g.employer.id });

      const promoted = await as(token).patch(tutorPath, { role: 'COORDINATOR' });
      expect(promoted.status).toBe(200);
      expect(promoted.body).toMatchObject({ id: g.people.tutor.id, role: 'COORDINATOR', employer: null, active: true });
      expect(await membership(g.people.tutor.membershipId)).toMatchObject({ role: 'COORDINATOR', employer_id: null, candidate_id: null });

      const { rows } = await pools.owner.query(`SELECT actor_id, entity, entity_id, before, after FROM audit_logs WHERE tenant_id = $1 AND action = 'membership.role.change'`, [g.tenant.id]);
      expect(rows).toEqual([
        {
          actor_id: g.people.admin.id,
          entity: 'Membership',
          entity_id: g.people.tutor.membershipId,
          before: { role: 'TUTOR', employerId: g.employer.id, candidateId: null },
          after: { role: 'COORDINATOR', employerId: null, candidateId: null },
        },
      ]);

      // Promoted, she now is one of the coordinators a referent is picked from, and may be one.
      const coordinatorToken = await tokenOf(g.people.coordinator);
      expect(names((await as(coordinatorToken).get('/users')).body)).toContain('Julie Darrieux');
      const certification = await factory.certification(g.tenant);
      const cohort = await as(coordinatorToken).post('/cohorts', { name: 'Chaudronnerie 2027', certificationId: certification.id, startDate: '2027-01-04', referentCoordinatorId: g.people.tutor.id });
      expect(cohort.status).toBe(201);
    });

    it('ends the access of tokens issued under the old role at once; a refresh gives the new role', async () => {
      const g = await geiq();
      const before = await login(app, g.people.coordinator.email, g.people.coordinator.password);
      expect((await as(before.accessToken).get('/pathways')).status).toBe(200);

      const demoted = await as(await tokenOf(g.people.admin)).patch(`/users/${g.people.coordinator.id}`, { role: 'TUTOR', employerId: g.employer.id });
      expect(demoted.status).toBe(200);
      // Still within its 15 minutes, the coordinator's token no longer opens anything.
      expect((await as(before.accessToken).get('/pathways')).status).toBe(401);
      expect((await as(before.accessToken).get('/users')).status).toBe(401);
      const refreshed = await http(app).post('/api/v1/auth/refresh').send({ refreshToken: before.refreshToken });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.role).toBe('TUTOR');
      expect((await as(refreshed.body.accessToken).get('/users')).status).toBe(403);
      expect((await as(refreshed.body.accessToken).get('/auth/me')).body.role).toBe('TUTOR');
    });

    it('does not let a coordinator change roles (403)', async () => {
      const g = await geiq();
      const response = await as(await tokenOf(g.people.coordinator)).patch(`/users/${g.people.tutor.id}`, { role: 'COORDINATOR' });
      expect(response.status).toBe(403);
      expect(await membership(g.people.tutor.membershipId)).toMatchObject({ role: 'TUTOR' });
    });
  });

  describe('the last active admin', () => {
    const LAST_ADMIN = 'Vous êtes le dernier administrateur actif de ce GEIQ : nommez d’abord une autre personne administrateur.';

    it('cannot demote or deactivate themself; once another admin is named, they can', async () => {
      const g = await geiq();
      const token = await tokenOf(g.people.admin);
      const self = `/users/${g.people.admin.id}`;

      for (const refused of [await as(token).patch(self, { role: 'COORDINATOR' }), await as(token).post(`${self}/deactivate`)]) {
        expect({ status: refused.status, code: refused.body.code, detail: refused.body.detail }).toEqual({ status: 409, code: 'LAST_TENANT_ADMIN', detail: LAST_ADMIN });
      }
      expect(await membership(g.people.admin.membershipId)).toMatchObject({ role: 'TENANT_ADMIN', disabled_at: null });
      // A deactivated admin does not count.
      await pools.owner.query(`UPDATE memberships SET role = 'TENANT_ADMIN' WHERE id = $1`, [g.people.former.membershipId]);
      expect((await as(token).patch(self, { role: 'COORDINATOR' })).status).toBe(409);

      expect((await as(token).patch(`/users/${g.people.coordinator.id}`, { role: 'TENANT_ADMIN' })).status).toBe(200);
      const demoted = await as(token).patch(self, { role: 'COORDINATOR' });
      expect(demoted.status).toBe(200);
      expect(await membership(g.people.admin.membershipId)).toMatchObject({ role: 'COORDINATOR' });
    });

    it('holds when the other admin is demoted at the same moment: the later change waits, then is refused', async () => {
      const g = await geiq();
      const second = await factory.member(g.tenant, 'TENANT_ADMIN');
      const token = await tokenOf(second);
      // Another change in flight: it holds the admins' rows and is about to demote `second`.
      const concurrent = await pools.owner.connect();
      try {
        await concurrent.query('BEGIN');
        await concurrent.query(`SELECT id FROM memberships WHERE tenant_id = $1 AND role = 'TENANT_ADMIN' FOR UPDATE`, [g.tenant.id]);
        let settled = false;
        const answer = as(token)
          .patch(`/users/${g.people.admin.id}`, { role: 'COORDINATOR' })
          .then((r) => ((settled = true), r));
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(settled).toBe(false);
        await concurrent.query(`UPDATE memberships SET role = 'COORDINATOR' WHERE id = $1`, [second.membershipId]);
        await concurrent.query('COMMIT');
        const response = await answer;
        expect({ status: response.status, code: response.body.code }).toEqual({ status: 409, code: 'LAST_TENANT_ADMIN' });
      } finally {
        concurrent.release();
      }
      expect(await membership(g.people.admin.membershipId)).toMatchObject({ role: 'TENANT_ADMIN', disabled_at: null });
    });
  });

  describe('deactivation', () => {
    let g: Awaited<ReturnType<typeof geiq>>;
    let adminToken: string;

    beforeAll(async () => {
      g = await geiq();
      adminToken = await tokenOf(g.people.admin);
    });

    it('signs the member out of this GEIQ and refuses their sign-in and refresh here until reactivated', async () => {
      const other = await factory.tenant('GEIQ Voisin');
      const tutor: Member = g.people.tutor;
      await factory.member(other, 'TUTOR', tutor);
      const here = await login(app, tutor.email, tutor.password, g.tenant.slug);
      const there = await login(app, tutor.email, tutor.password, other.slug);

      const otherProcess = revocationsOfAnotherProcess();
      const response = await as(adminToken).post(`/users/${tutor.id}/deactivate`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: tutor.id, active: false });
      expect((await membership(tutor.membershipId)).disabled_at).toBeInstanceOf(Date);
      const { rows: tokens } = await pools.owner.query('SELECT count(*)::int AS live FROM refresh_tokens WHERE membership_id = $1 AND revoked_at IS NULL', [tutor.membershipId]);
      expect(tokens[0].live).toBe(0);

      // Their access token here stops at once; the other GEIQ's works on.
      expect((await as(here.accessToken).get('/pathways')).status).toBe(401);
      expect((await as(there.accessToken).get('/pathways')).status).toBe(200);
      // Another API process learns it from Redis, also when it starts afterwards.
      const issuedAt = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).ims as number;
      await waitFor(async () => otherProcess.isRevoked(tutor.membershipId, issuedAt(here.accessToken)));
      const later = revocationsOfAnotherProcess();
      try {
        await waitFor(async () => later.isRevoked(tutor.membershipId, issuedAt(here.accessToken)));
        expect(later.isRevoked(tutor.membershipId, Date.now())).toBe(false);
      } finally {
        later.close();
      }
      const refreshed = await http(app).post('/api/v1/auth/refresh').send({ refreshToken: here.refreshToken });
      expect(refreshed.status).toBe(401);
      const signIn = await http(app).post('/api/v1/auth/login').send({ email: tutor.email, password: tutor.password, tenantSlug: g.tenant.slug });
      expect({ status: signIn.status, code: signIn.body.code }).toEqual({ status: 403, code: 'AUTH_TENANT_NOT_ALLOWED' });
      // The other GEIQ's session and sign-in are untouched.
      expect((await http(app).post('/api/v1/auth/refresh').send({ refreshToken: there.refreshToken })).status).toBe(200);
      expect((await login(app, tutor.email, tutor.password)).tenant?.id).toBe(other.id);

      const { rows: audit } = await pools.owner.query(`SELECT actor_id, entity_id, after FROM audit_logs WHERE tenant_id = $1 AND action = 'membership.deactivate'`, [g.tenant.id]);
      expect(audit).toEqual([{ actor_id: g.people.admin.id, entity_id: tutor.membershipId, after: { active: false, revokedRefreshTokens: 1 } }]);

      const reactivated = await as(adminToken).post(`/users/${tutor.id}/reactivate`);
      expect(reactivated.body).toMatchObject({ active: true });
      expect((await login(app, tutor.email, tutor.password, g.tenant.slug)).role).toBe('TUTOR');
      const { rows: back } = await pools.owner.query(`SELECT count(*)::int AS n FROM audit_logs WHERE tenant_id = $1 AND action = 'membership.reactivate'`, [g.tenant.id]);
      expect(back[0].n).toBe(1);
      otherProcess.close();
    });

    it('leaves a member of one GEIQ with no sign-in at all, and their refresh finds no session', async () => {
      const coordinator = await factory.member(g.tenant, 'COORDINATOR');
      const session = await login(app, coordinator.email, coordinator.password);
      expect((await as(adminToken).post(`/users/${coordinator.id}/deactivate`)).status).toBe(200);
      // Twice is harmless, and audited once.
      expect((await as(adminToken).post(`/users/${coordinator.id}/deactivate`)).status).toBe(200);

      expect((await http(app).post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken })).status).toBe(401);
      const signIn = await http(app).post('/api/v1/auth/login').send({ email: coordinator.email, password: coordinator.password });
      expect({ status: signIn.status, code: signIn.body.code }).toEqual({ status: 403, code: 'AUTH_NO_MEMBERSHIP' });
      const { rows } = await pools.owner.query(`SELECT count(*)::int AS n FROM audit_logs WHERE entity_id = $1 AND action = 'membership.deactivate'`, [coordinator.membershipId]);
      expect(rows[0].n).toBe(1);
    });

    it('makes a deactivated coordinator unavailable as a referent', async () => {
      const certification = await factory.certification(g.tenant);
      const response = await as(adminToken).post('/cohorts', { name: 'Promo', certificationId: certification.id, startDate: '2027-01-04', referentCoordinatorId: g.people.former.id });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ path: 'referentCoordinatorId', message: 'Cette personne n’est pas chargée d’accompagnement dans votre GEIQ.' }]);
    });

    it('tells an admin who invites a deactivated member to reactivate them instead', async () => {
      const response = await as(adminToken).post('/invitations', { email: g.people.former.email, role: 'COORDINATOR' });
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'INVITATION_ALREADY_MEMBER', detail: expect.stringContaining('réactivez-le depuis la page Utilisateurs') });
    });
  });
});
