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

    it('clears the optional fields emptied in an edit', async () => {
      const created = await api().post('/employers', { name: 'Chaudronnerie du Lot', siret: validSiret(), opco: 'OPCO 2i', city: 'Cahors', postalCode: '46000' });
      const updated = await api().patch(`/employers/${created.body.id}`, { opco: null, city: 'Figeac', postalCode: null });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ name: 'Chaudronnerie du Lot', city: 'Figeac' });
      expect(updated.body.opco).toBeUndefined();
      const { rows } = await pools.owner.query('SELECT opco, postal_code, city FROM employers WHERE id = $1', [created.body.id]);
      expect(rows).toEqual([{ opco: null, postal_code: null, city: 'Figeac' }]);
      expect((await api().patch(`/employers/${created.body.id}`, { name: null })).status).toBe(400);
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

    it('says how many pathways follow it', async () => {
      const created = await api().post('/certifications', fiche(`RNCP${Date.now()}`));
      expect(created.body.pathwayCount).toBe(0);
      const candidate = await factory.candidate(tenant);
      expect((await api().post('/pathways', { candidateId: candidate.id, certificationId: created.body.id })).status).toBe(201);
      expect((await api().get(`/certifications/${created.body.id}`)).body.pathwayCount).toBe(1);
      const listed = await api().get(`/certifications?q=${created.body.code}`);
      expect(listed.body.items).toEqual([expect.objectContaining({ id: created.body.id, pathwayCount: 1 })]);
    });

    it('renames a certification, clears its level and replaces the blocs of one no pathway follows', async () => {
      const created = await api().post('/certifications', fiche(`RNCP${Date.now()}`));
      const id = created.body.id as string;
      const updated = await api().patch(`/certifications/${id}`, {
        title: 'Soudeur assembleur industriel',
        level: null,
        blocs: [{ code: 'CCP3', title: 'Assembler', competencies: [{ code: 'C9', title: 'Pointer les pièces' }] }],
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ title: 'Soudeur assembleur industriel', level: null, certifier: 'Ministère du Travail', blocs: [{ code: 'CCP3', competencies: [{ code: 'C9' }] }] });
      const { rows } = await pools.owner.query(`SELECT count(*)::int AS n FROM blocs WHERE certification_id = $1`, [id]);
      expect(rows[0].n).toBe(1);
    });

    it('lets the titles of a followed certification be corrected, keeping its blocs and competencies, but not its structure', async () => {
      const created = await api().post('/certifications', fiche(`RNCP${Date.now()}`));
      const id = created.body.id as string;
      const candidate = await factory.candidate(tenant);
      expect((await api().post('/pathways', { candidateId: candidate.id, certificationId: id })).status).toBe(201);
      const before = (await pools.owner.query(`SELECT c.id, c.code FROM competencies c JOIN blocs b ON b.id = c.bloc_id WHERE b.certification_id = $1 ORDER BY c.code`, [id])).rows;

      const corrected = fiche(created.body.code as string);
      corrected.blocs[0]!.title = 'Souder à plat (tous procédés)';
      corrected.blocs[0]!.competencies[1]!.title = 'Souder à plat, semi-automatique';
      corrected.blocs.reverse();
      const retitled = await api().patch(`/certifications/${id}`, { blocs: corrected.blocs });
      expect(retitled.status).toBe(200);
      expect(retitled.body.blocs.map((b: { code: string; title: string }) => [b.code, b.title])).toEqual([
        ['CCP2', 'Souder en toutes positions'],
        ['CCP1', 'Souder à plat (tous procédés)'],
      ]);
      expect(retitled.body.blocs[1].competencies[1]).toEqual({ id: before[1].id, code: 'C2', title: 'Souder à plat, semi-automatique' });
      const after = (await pools.owner.query(`SELECT c.id, c.code FROM competencies c JOIN blocs b ON b.id = c.bloc_id WHERE b.certification_id = $1 ORDER BY c.code`, [id])).rows;
      expect(after).toEqual(before);

      const added = fiche(created.body.code as string);
      added.blocs.push({ code: 'CCP3', title: 'Assembler', competencies: [{ code: 'C4', title: 'Pointer' }] });
      const recoded = fiche(created.body.code as string);
      recoded.blocs[1]!.competencies[0]!.code = 'C3bis';
      for (const blocs of [added.blocs, recoded.blocs, fiche('x').blocs.slice(0, 1)]) {
        const refused = await api().patch(`/certifications/${id}`, { title: 'Ne doit pas changer', blocs });
        expect(refused.status).toBe(409);
        expect(refused.body).toMatchObject({ code: 'IN_USE', detail: expect.stringContaining('vous pouvez corriger les intitulés') });
      }
      expect((await api().get(`/certifications/${id}`)).body.title).toBe(created.body.title);
    });

    it('points at the second of two equal codes', async () => {
      const twice = fiche(`Z${Date.now()}`);
      twice.blocs[1]!.code = 'CCP1';
      twice.blocs[0]!.competencies[1]!.code = 'C1';
      const refused = await api().post('/certifications', twice);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual(
        expect.arrayContaining([
          { path: 'blocs.1.code', message: 'Un autre bloc a déjà ce code' },
          { path: 'blocs.0.competencies.1.code', message: 'Une autre compétence de ce bloc a déjà ce code' },
        ]),
      );
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

    it('edits a person: emptied optional fields are cleared, the others stay', async () => {
      const created = await api().post('/candidates', { firstName: 'Inès', lastName: `Rami-${Date.now()}`, birthDate: '2000-06-01', email: 'ines@example.fr', phone: '0611223344', prescriber: 'Mission locale' });
      const id = created.body.id as string;
      const updated = await api().patch(`/candidates/${id}`, { lastName: 'Ramírez', email: null, prescriber: null, qualificationLevel: 4 });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ firstName: 'Inès', lastName: 'Ramírez', email: null, phone: '+33611223344', prescriber: null, qualificationLevel: 4 });
      expect((await api().get('/candidates?q=ines%20ramirez')).body.items.map((c: { id: string }) => c.id)).toEqual([id]);
      const refused = await api().patch(`/candidates/${id}`, { firstName: null, birthDate: '' });
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['birthDate', 'firstName']);
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

    it('corrects a cohort: name, start, referent (or none); its certification only while no pathway follows it', async () => {
      const [certification, other] = [await factory.certification(tenant), await factory.certification(tenant)];
      const cohort = (await api().post('/cohorts', { name: 'Promo usinage', certificationId: certification.id, startDate: '2027-01-04', referentCoordinatorId: coordinatorId })).body;
      const renamed = await api().patch(`/cohorts/${cohort.id}`, { name: 'Promo usinage printemps', startDate: '2027-03-01', referentCoordinatorId: null });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: 'Promo usinage printemps', startDate: '2027-03-01', referentCoordinatorId: null, certificationId: certification.id });
      expect((await api().patch(`/cohorts/${cohort.id}`, { certificationId: other.id })).body.certificationId).toBe(other.id);

      const candidate = await factory.candidate(tenant);
      await factory.pathway(tenant, { candidateId: candidate.id, certificationId: other.id, cohortId: cohort.id });
      const refused = await api().patch(`/cohorts/${cohort.id}`, { certificationId: certification.id, name: 'Autre nom' });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('IN_USE');
      expect((await api().get(`/cohorts/${cohort.id}`)).body).toMatchObject({ name: 'Promo usinage printemps', certificationId: other.id, pathwayCount: 1 });
      expect((await api().patch(`/cohorts/${cohort.id}`, { certificationId: other.id, referentCoordinatorId: coordinatorId })).status).toBe(200);

      // A referent deactivated since stays while the cohort is renamed, but cannot be chosen anew.
      const leaving = await factory.member(tenant, 'COORDINATOR');
      expect((await api().patch(`/cohorts/${cohort.id}`, { referentCoordinatorId: leaving.id })).status).toBe(200);
      await pools.owner.query('UPDATE memberships SET disabled_at = now() WHERE id = $1', [leaving.membershipId]);
      const renamed2 = await api().patch(`/cohorts/${cohort.id}`, { name: 'Promo usinage été', referentCoordinatorId: leaving.id });
      expect(renamed2.status).toBe(200);
      expect(renamed2.body).toMatchObject({ name: 'Promo usinage été', referentCoordinatorId: leaving.id });
      const other2 = (await api().post('/cohorts', { name: 'Promo B', certificationId: certification.id, startDate: '2027-01-04' })).body;
      expect((await api().patch(`/cohorts/${other2.id}`, { referentCoordinatorId: leaving.id })).status).toBe(400);
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
    expect((await api().patch(`/candidates/${candidate.id}`, { firstName: 'X' })).status).toBe(404);
    expect((await api().patch(`/certifications/${certification.id}`, { title: 'X' })).status).toBe(404);
    expect((await api().delete(`/candidates/${candidate.id}`)).status).toBe(404);
    expect((await api().get(`/certifications/${certification.id}`)).status).toBe(404);
    expect((await api().get('/employers?pageSize=100')).body.items.map((e: { id: string }) => e.id)).not.toContain(employer.id);
  });
});
