import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, validSiret, type TestTenant } from '../../../test/support/factories.js';
import { bearer, http, login, startApi } from '../../../test/support/harness.js';

/** Member companies, certifications, candidates and cohorts: what a coordinator sets up before a pathway. */
describe('catalogue: employers, certifications, candidates, cohorts', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let app: NestFastifyApplication;
  let tenant: TestTenant;
  let token: string;
  let coordinatorId: string;

  beforeAll(async () => {
    app = await startApi(testConfig());
    tenant = await factory.tenant();
    const coordinator = await factory.member(tenant, 'COORDINATOR');
    coordinatorId = coordinator.id;
    token = (await login(app, coordinator.email, coordinator.password)).accessToken;
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  const api = () => ({
    get: (path: string) => http(app).get(`/api/v1${path}`).set(bearer(token)),
    post: (path: string, body: object) => http(app).post(`/api/v1${path}`).set(bearer(token)).send(body),
    patch: (path: string, body: object) => http(app).patch(`/api/v1${path}`).set(bearer(token)).send(body),
    delete: (path: string) => http(app).delete(`/api/v1${path}`).set(bearer(token)),
  });

  describe('employers', () => {
    it('creates, reads, updates, lists and archives a member company', async () => {
      const siret = validSiret();
      const created = await api().post('/employers', {
        name: 'Mécanique Précise du Tarn',
        siret: `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6)}`,
        nafCode: '25.62b',
        idcc: '3248',
        opco: 'OPCO 2i',
        postalCode: '81000',
        city: 'Albi',
        contacts: [{ name: 'Paul Roux', role: 'DRH', email: 'paul.roux@mpt.fr', phone: '06 12 34 56 78' }],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ siret, nafCode: '25.62B', contacts: [{ phone: '+33612345678' }] });
      const id = created.body.id as string;

      expect((await api().get(`/employers/${id}`)).body.name).toBe('Mécanique Précise du Tarn');
      const updated = await api().patch(`/employers/${id}`, { city: 'Castres' });
      expect(updated.body.city).toBe('Castres');
      expect(updated.body.contacts).toHaveLength(1);
      const found = await api().get('/employers?q=MECANIQUE%20precise');
      expect(found.body.items.map((e: { id: string }) => e.id)).toContain(id);

      expect((await api().delete(`/employers/${id}`)).status).toBe(204);
      expect((await api().get(`/employers/${id}`)).status).toBe(404);
      const { rows } = await pools.owner.query(`SELECT action FROM audit_logs WHERE entity_id = $1 ORDER BY occurred_at`, [id]);
      expect(rows.map((r) => r.action)).toEqual(['employer.create', 'employer.update', 'employer.archive']);
    });

    it('refuses an invalid or duplicate SIRET with a code, writing nothing', async () => {
      const bad = await api().post('/employers', { name: 'Mauvais', siret: '73282932000075' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].path).toBe('siret');
      const siret = validSiret();
      expect((await api().post('/employers', { name: 'Premier', siret })).status).toBe(201);
      const duplicate = await api().post('/employers', { name: 'Second', siret });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('ALREADY_EXISTS');
      const { rows } = await pools.owner.query('SELECT count(*)::int AS n FROM employers WHERE siret = $1', [siret]);
      expect(rows[0].n).toBe(1);
    });

    it('validates the fields', async () => {
      const response = await api().post('/employers', { name: '', siret: 'abc', postalCode: '8100', contacts: [{ email: 'x' }] });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['name', 'siret', 'postalCode', 'contacts.0.name', 'contacts.0.email']));
    });
  });

  describe('certifications', () => {
    const fiche = (code: string) => ({
      kind: 'RNCP',
      code,
      title: 'Titre professionnel Soudeur assembleur industriel',
      level: 3,
      certifier: 'Ministère du Travail',
      admissibilityValidityMonths: 36,
      blocs: [
        { code: 'CCP1', title: 'Souder à plat', competencies: [{ code: 'C1', title: 'Préparer le poste' }, { code: 'C2', title: 'Souder à plat avec un procédé semi-automatique' }] },
        { code: 'CCP2', title: 'Souder en toutes positions', competencies: [{ code: 'C3', title: 'Souder en position' }] },
      ],
    });

    it('stores blocs and competencies in order and returns them', async () => {
      const created = await api().post('/certifications', fiche(`RNCP${Date.now()}`));
      expect(created.status).toBe(201);
      expect(created.body.blocs.map((b: { code: string }) => b.code)).toEqual(['CCP1', 'CCP2']);
      expect(created.body.blocs[0].competencies.map((c: { code: string }) => c.code)).toEqual(['C1', 'C2']);
      const listed = await api().get('/certifications?q=soudeur');
      expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);
    });

    it('refuses a duplicate code, duplicate bloc codes and an empty bloc', async () => {
      const code = `RNCP${Date.now()}`;
      expect((await api().post('/certifications', fiche(code))).status).toBe(201);
      expect((await api().post('/certifications', fiche(code))).status).toBe(409);
      const twice = fiche(`X${Date.now()}`);
      twice.blocs[1]!.code = 'CCP1';
      expect((await api().post('/certifications', twice)).status).toBe(400);
      const empty = fiche(`Y${Date.now()}`);
      empty.blocs[0]!.competencies = [];
      expect((await api().post('/certifications', empty)).status).toBe(400);
    });
  });

  describe('candidates', () => {
    it('finds “Hélène” when searching “helene”, and formats the phone', async () => {
      const created = await api().post('/candidates', { firstName: 'Hélène', lastName: `Crémieux-${Date.now()}`, birthDate: '2001-03-14', phone: '07.11.22.33.44', qualificationLevel: 3, publicCategory: 'RSA' });
      expect(created.status).toBe(201);
      expect(created.body.phone).toBe('+33711223344');
      for (const q of ['helene', 'HELENE cremieux', 'Hélène']) {
        const found = await api().get(`/candidates?q=${encodeURIComponent(q)}`);
        expect(found.body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);
      }
    });

    it('refuses impossible dates and bad phone numbers', async () => {
      for (const birthDate of ['2001-02-30', '14/03/2001', '1890-01-01', '2090-01-01']) {
        const response = await api().post('/candidates', { firstName: 'A', lastName: 'B', birthDate });
        expect(response.status).toBe(400);
        expect(response.body.errors[0].path).toBe('birthDate');
      }
      expect((await api().post('/candidates', { firstName: 'A', lastName: 'B', birthDate: '2000-01-01', phone: '123' })).status).toBe(400);
    });

    it('cannot be deleted once a pathway exists', async () => {
      const certification = await factory.certification(tenant);
      const candidate = await factory.candidate(tenant);
      const pathway = await api().post('/pathways', { candidateId: candidate.id, certificationId: certification.id });
      expect(pathway.status).toBe(201);
      const refused = await api().delete(`/candidates/${candidate.id}`);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('IN_USE');
    });
  });

  describe('cohorts', () => {
    it('creates a cohort on a certification with a referent coordinator', async () => {
      const certification = await factory.certification(tenant);
      const created = await api().post('/cohorts', { name: 'Promotion usinage 2027', certificationId: certification.id, startDate: '2027-01-04', referentCoordinatorId: coordinatorId });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ startDate: '2027-01-04', pathwayCount: 0, referentCoordinatorId: coordinatorId });
    });

    it('refuses a certification or a coordinator from elsewhere', async () => {
      const other = await factory.tenant();
      const foreign = await factory.certification(other);
      const tutor = await factory.member(tenant, 'TUTOR');
      const response = await api().post('/cohorts', { name: 'X', certificationId: foreign.id, startDate: '2027-01-04', referentCoordinatorId: tutor.id });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['certificationId', 'referentCoordinatorId']);
    });
  });

  it('never shows another tenant’s records (404)', async () => {
    const other = await factory.tenant();
    const employer = await factory.employer(other);
    const candidate = await factory.candidate(other);
    const certification = await factory.certification(other);
    expect((await api().get(`/employers/${employer.id}`)).status).toBe(404);
    expect((await api().patch(`/employers/${employer.id}`, { city: 'X' })).status).toBe(404);
    expect((await api().delete(`/employers/${employer.id}`)).status).toBe(404);
    expect((await api().get(`/candidates/${candidate.id}`)).status).toBe(404);
    expect((await api().delete(`/candidates/${candidate.id}`)).status).toBe(404);
    expect((await api().get(`/certifications/${certification.id}`)).status).toBe(404);
    expect((await api().get('/employers?pageSize=100')).body.items.map((e: { id: string }) => e.id)).not.toContain(employer.id);
  });
});
