import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addDays, addMonths, parisDate } from '@jalon/domain';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestTenant, type TestUser } from '../../../test/support/factories.js';
import { bearer, http, login, startApi } from '../../../test/support/harness.js';

const today = () => parisDate(new Date());

/** Pathways: contracts and placements under the rules, the VAE state machine, role scoping. */
describe('pathways', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let app: NestFastifyApplication;
  let tenant: TestTenant;
  let token: string;

  beforeAll(async () => {
    app = await startApi(testConfig());
    tenant = await factory.tenant();
    const coordinator = await factory.member(tenant, 'COORDINATOR');
    token = (await login(app, coordinator.email, coordinator.password)).accessToken;
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  const as = (accessToken: string) => ({
    get: (path: string) => http(app).get(`/api/v1${path}`).set(bearer(accessToken)),
    post: (path: string, body: object) => http(app).post(`/api/v1${path}`).set(bearer(accessToken)).send(body),
    patch: (path: string, body: object) => http(app).patch(`/api/v1${path}`).set(bearer(accessToken)).send(body),
  });
  const api = () => as(token);

  /** A pathway in EXPERIENCE: contract started a month ago (OPCO filed), placed with a tutor. */
  async function pathwayInExperience(options: { employerId?: string; tutor?: TestUser & { membershipId: string }; candidateId?: string; certification?: { id: string } } = {}) {
    const certification = options.certification ?? (await factory.certification(tenant));
    const candidateId = options.candidateId ?? (await factory.candidate(tenant)).id;
    const employerId = options.employerId ?? (await factory.employer(tenant)).id;
    const tutor = options.tutor ?? (await factory.member(tenant, 'TUTOR'));
    const created = await api().post('/pathways', { candidateId, certificationId: certification.id });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const start = addMonths(today(), -1);
    const contract = await api().post(`/pathways/${id}/contracts`, { startDate: start, plannedEndDate: addDays(addMonths(start, 24), -1), payPercentOfSmic: 80, opcoFiledOn: addDays(start, 2) });
    expect(contract.status).toBe(201);
    const placed = await api().post(`/pathways/${id}/placements`, { contractId: contract.body.id, employerId, tutorMembershipId: tutor.membershipId, startDate: start });
    expect(placed.status).toBe(201);
    const started = await api().post(`/pathways/${id}/transitions`, { action: 'start', expectedVersion: placed.body.version });
    expect(started.status).toBe(200);
    expect(started.body.pathway.state).toBe('EXPERIENCE');
    return { id, version: started.body.pathway.version as number, certification, tutor, employerId, candidateId };
  }

  it('runs a pathway from certification chosen to certified and closed, recording every step', async () => {
    const certification = await factory.certification(tenant);
    const candidate = await factory.candidate(tenant, { firstName: 'Hélène' });
    const employer = await factory.employer(tenant);
    const tutor = await factory.member(tenant, 'TUTOR');

    const created = await api().post('/pathways', { candidateId: candidate.id, certificationId: certification.id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'CERTIFICATION_CHOSEN', version: 1, targetBlocCodes: [] });
    expect(created.body.availableActions).not.toContain('start');
    // What holds the start back, in French, for the coordinator.
    expect(created.body.heldBackActions).toEqual([{ action: 'start', reason: expect.stringMatching(/sans contrat/) as unknown }]);
    const id = created.body.id as string;

    const refused = await api().post(`/pathways/${id}/transitions`, { action: 'start', expectedVersion: 1 });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('RULE_VIOLATION');
    expect(refused.body.errors[0].code).toBe('START_REQUIRES_CONTRACT');
    expect(refused.body.detail).toMatch(/contrat/i);

    const start = addMonths(today(), -1);
    const contract = await api().post(`/pathways/${id}/contracts`, { startDate: start, plannedEndDate: addDays(addMonths(start, 24), -1), payPercentOfSmic: 80, opcoFiledOn: addDays(start, 2) });
    expect(contract.status).toBe(201);
    const placed = await api().post(`/pathways/${id}/placements`, { contractId: contract.body.id, employerId: employer.id, tutorMembershipId: tutor.membershipId, startDate: start });
    expect(placed.status).toBe(201);
    expect(placed.body.placements[0]).toMatchObject({ employer: { id: employer.id }, tutor: { membershipId: tutor.membershipId, firstName: 'Prénom' } });
    expect(placed.body.availableActions).toContain('start');
    expect(placed.body.heldBackActions).toEqual([]);

    let version = placed.body.version as number;
    const step = async (body: object, state: string) => {
      const response = await api().post(`/pathways/${id}/transitions`, { ...body, expectedVersion: version });
      expect({ status: response.status, body: response.body.pathway?.state ?? response.body }).toEqual({ status: 200, body: state });
      version = response.body.pathway.version;
      return response.body;
    };

    await step({ action: 'start' }, 'EXPERIENCE');
    const missing = await api().post(`/pathways/${id}/transitions`, { action: 'submitAdmissibility', expectedVersion: version, submittedOn: today() });
    expect(missing.body.errors[0].code).toBe('ADMISSIBILITY_DOCUMENTS_MISSING');
    await pools.owner.query(
      `INSERT INTO documents (id, tenant_id, pathway_id, kind, file_name, mime_type, size_bytes, sha256, storage_key) VALUES (gen_random_uuid(), $1, $2, 'ADMISSIBILITY_FORM', 'livret1.pdf', 'application/pdf', 10, repeat('0', 64), 'x')`,
      [tenant.id, id],
    );
    await step({ action: 'submitAdmissibility', submittedOn: today(), completeOn: today() }, 'ADMISSIBILITY_PENDING');
    await step({ action: 'recordAdmissibility', decision: 'ADMISSIBLE', decidedOn: today() }, 'DOSSIER');
    await step({ action: 'submitDossier', submittedOn: today() }, 'DOSSIER_SUBMITTED');
    const juryDate = addDays(today(), 30);
    await step({ action: 'scheduleJury', date: juryDate, place: 'AFPA Toulouse' }, 'JURY_SCHEDULED');

    const tooEarly = await api().post(`/pathways/${id}/transitions`, { action: 'recordJuryResult', expectedVersion: version, result: 'FULL' });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.errors[0].code).toBe('JURY_NOT_YET_HELD');
    expect((await api().get(`/pathways/${id}`)).body.heldBackActions).toEqual([{ action: 'recordJuryResult', reason: expect.stringMatching(/^Le jury est prévu le/) as unknown }]);
    // The jury took place (the clock moves on).
    await pools.owner.query(`UPDATE jury_sessions SET date = $1 WHERE pathway_id = $2`, [addDays(today(), -1), id]);
    const certified = await step({ action: 'recordJuryResult', result: 'FULL' }, 'CERTIFIED');
    expect(certified.pathway.acquiredBlocCodes).toEqual(['B1', 'B2']);
    expect(certified.pathway.jurySessions[0].blocResults).toEqual([{ blocCode: 'B1', acquired: true }, { blocCode: 'B2', acquired: true }]);
    await step({ action: 'close', exitOutcome: 'CERTIFIED' }, 'CLOSED');

    const view = await api().get(`/pathways/${id}`);
    expect(view.body).toMatchObject({ state: 'CLOSED', exitOutcome: 'CERTIFIED', availableActions: [] });
    expect(view.body.admissibilities[0]).toMatchObject({ decision: 'ADMISSIBLE', validUntil: addMonths(today(), 36), isActive: true });
    const history = await api().get(`/pathways/${id}/history`);
    expect(history.body.map((h: { action: string; toState: string }) => `${h.action}→${h.toState}`)).toEqual([
      'create→CERTIFICATION_CHOSEN',
      'start→EXPERIENCE',
      'submitAdmissibility→ADMISSIBILITY_PENDING',
      'recordAdmissibility→DOSSIER',
      'submitDossier→DOSSIER_SUBMITTED',
      'scheduleJury→JURY_SCHEDULED',
      'recordJuryResult→CERTIFIED',
      'close→CLOSED',
    ]);
    const audit = await pools.owner.query(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'Pathway' AND entity_id = $1 AND action LIKE 'pathway.%'`, [id]);
    expect(audit.rows[0].n).toBe(8);
  });

  it('allows one recevabilité request per certification and calendar year, counted on all the person’s pathways', async () => {
    const withLivret = async (pathwayId: string) =>
      pools.owner.query(
        `INSERT INTO documents (id, tenant_id, pathway_id, kind, file_name, mime_type, size_bytes, sha256, storage_key) VALUES (gen_random_uuid(), $1, $2, 'ADMISSIBILITY_FORM', 'livret1.pdf', 'application/pdf', 10, repeat('0', 64), 'x')`,
        [tenant.id, pathwayId],
      );
    const first = await pathwayInExperience();
    await withLivret(first.id);
    const submitted = await api().post(`/pathways/${first.id}/transitions`, { action: 'submitAdmissibility', expectedVersion: first.version, submittedOn: today() });
    expect(submitted.status).toBe(200);

    // The same person, the same certification, on a pathway opened again.
    const second = await pathwayInExperience({ candidateId: first.candidateId, certification: first.certification });
    await withLivret(second.id);
    const page = await api().get(`/pathways/${second.id}`);
    expect(page.body.availableActions).not.toContain('submitAdmissibility');
    expect(page.body.heldBackActions).toEqual([{ action: 'submitAdmissibility', reason: expect.stringMatching(/une seule demande par certification et par année civile/) as unknown }]);
    const refused = await api().post(`/pathways/${second.id}/transitions`, { action: 'submitAdmissibility', expectedVersion: second.version, submittedOn: today() });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].code).toBe('ADMISSIBILITY_QUOTA_CERTIFICATION');

    // A request dated last year counts in last year, where the person had made none.
    const year = Number(today().slice(0, 4));
    await pools.owner.query(`UPDATE contracts SET start_date = $2, opco_filed_on = $2 WHERE pathway_id = $1`, [second.id, `${year - 1}-09-01`]);
    await pools.owner.query(`UPDATE placements SET start_date = $2 WHERE pathway_id = $1`, [second.id, `${year - 1}-09-01`]);
    const lastYear = await api().post(`/pathways/${second.id}/transitions`, { action: 'submitAdmissibility', expectedVersion: second.version, submittedOn: `${year - 1}-12-15` });
    expect(lastYear.status).toBe(200);
    expect(lastYear.body.pathway.state).toBe('ADMISSIBILITY_PENDING');
  });

  it('moves a pathway to a cohort of its certification and changes its referent, or leaves it with neither', async () => {
    const { id, version, certification } = await pathwayInExperience();
    const cohort = await factory.cohort(tenant, certification.id, 'Promo printemps');
    const elsewhere = await factory.cohort(tenant, (await factory.certification(tenant)).id, 'Promo plasturgie');
    const colleague = await factory.member(tenant, 'COORDINATOR');
    const tutor = await factory.member(tenant, 'TUTOR');

    const refused = await api().patch(`/pathways/${id}`, { expectedVersion: version, cohortId: elsewhere.id, referentCoordinatorId: tutor.id });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { path: 'cohortId', message: 'Cette promotion prépare une autre certification.' },
      { path: 'referentCoordinatorId', message: 'Cette personne n’est pas chargée d’accompagnement dans votre GEIQ.' },
    ]);
    const moved = await api().patch(`/pathways/${id}`, { expectedVersion: version, cohortId: cohort.id, referentCoordinatorId: colleague.id });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ cohortId: cohort.id, referentCoordinatorId: colleague.id, version: version + 1 });
    const stale = await api().patch(`/pathways/${id}`, { expectedVersion: version, cohortId: null });
    expect(stale.status).toBe(409);
    const cleared = await api().patch(`/pathways/${id}`, { expectedVersion: version + 1, cohortId: null, referentCoordinatorId: null });
    expect(cleared.body).toMatchObject({ cohortId: null, referentCoordinatorId: null });
    const created = await api().post('/pathways', { candidateId: (await factory.candidate(tenant)).id, certificationId: certification.id, cohortId: elsewhere.id });
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([{ path: 'cohortId', message: 'Cette promotion prépare une autre certification.' }]);
  });

  it('checks only what an edit changes: a referent who has left, a cohort recorded before the rule, stay until replaced', async () => {
    const { id, version, certification } = await pathwayInExperience();
    const elsewhere = await factory.cohort(tenant, (await factory.certification(tenant)).id, 'Promo ancienne');
    const leaving = await factory.member(tenant, 'COORDINATOR');
    const colleague = await factory.member(tenant, 'COORDINATOR');
    // As recorded before: another certification's cohort, and a referent deactivated since.
    await pools.owner.query('UPDATE pathways SET cohort_id = $2, referent_coordinator_id = $3 WHERE id = $1', [id, elsewhere.id, leaving.id]);
    await pools.owner.query('UPDATE memberships SET disabled_at = now() WHERE id = $1', [leaving.membershipId]);

    const same = await api().patch(`/pathways/${id}`, { expectedVersion: version, cohortId: elsewhere.id, referentCoordinatorId: leaving.id, activity: 'INACTIVE' });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ activity: 'INACTIVE', cohortId: elsewhere.id, referentCoordinatorId: leaving.id });
    const fresh = await pathwayInExperience({ certification });
    const toLeaving = await api().patch(`/pathways/${fresh.id}`, { expectedVersion: fresh.version, referentCoordinatorId: leaving.id });
    expect(toLeaving.status).toBe(400);
    expect(toLeaving.body.errors).toEqual([{ path: 'referentCoordinatorId', message: 'Cette personne n’est pas chargée d’accompagnement dans votre GEIQ.' }]);
    const replaced = await api().patch(`/pathways/${id}`, { expectedVersion: version + 1, cohortId: null, referentCoordinatorId: colleague.id });
    expect(replaced.body).toMatchObject({ cohortId: null, referentCoordinatorId: colleague.id });
  });

  it('answers a stale expectedVersion with 409 and the current version, changing nothing', async () => {
    const { id, version } = await pathwayInExperience();
    const stale = await api().post(`/pathways/${id}/transitions`, { action: 'withdraw', expectedVersion: version - 1, reason: 'Démission', date: today() });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: version });
    expect((await api().get(`/pathways/${id}`)).body.state).toBe('EXPERIENCE');
  });

  it('refuses a jury in the past and one more than two years ahead', async () => {
    const { id } = await pathwayInExperience();
    await pools.owner.query(`UPDATE pathways SET state = 'DOSSIER_SUBMITTED' WHERE id = $1`, [id]);
    const version = (await api().get(`/pathways/${id}`)).body.version;
    for (const [date, code] of [
      [addDays(today(), -3), 'JURY_DATE_NOT_FUTURE'],
      [addMonths(today(), 25), 'JURY_DATE_TOO_FAR'],
    ]) {
      const response = await api().post(`/pathways/${id}/transitions`, { action: 'scheduleJury', expectedVersion: version, date });
      expect(response.status).toBe(422);
      expect(response.body.errors[0].code).toBe(code);
    }
  });

  it('warns, without refusing, when the jury falls after the contract’s end', async () => {
    const { id } = await pathwayInExperience();
    await pools.owner.query(`UPDATE pathways SET state = 'DOSSIER_SUBMITTED' WHERE id = $1`, [id]);
    await pools.owner.query(`UPDATE contracts SET planned_end_date = $1 WHERE pathway_id = $2`, [addDays(today(), 10), id]);
    const version = (await api().get(`/pathways/${id}`)).body.version;
    const response = await api().post(`/pathways/${id}/transitions`, { action: 'scheduleJury', expectedVersion: version, date: addDays(today(), 40) });
    expect(response.status).toBe(200);
    expect(response.body.warnings.map((w: { code: string }) => w.code)).toContain('JURY_AFTER_CONTRACT_END');
  });

  describe('contracts', () => {
    let pathwayId: string;
    beforeAll(async () => {
      const certification = await factory.certification(tenant);
      const candidate = await factory.candidate(tenant, { birthDate: '2000-01-01' });
      pathwayId = (await api().post('/pathways', { candidateId: candidate.id, certificationId: certification.id })).body.id;
    });

    it('refuses a 37-month VAE inversée contract, listing every broken rule', async () => {
      const response = await api().post(`/pathways/${pathwayId}/contracts`, { startDate: '2027-01-01', plannedEndDate: '2030-01-31', payPercentOfSmic: 40 });
      expect(response.status).toBe(422);
      const codes = response.body.errors.map((e: { code: string }) => e.code);
      expect(codes).toEqual(expect.arrayContaining(['CONTRACT_TOO_LONG', 'PAY_BELOW_MINIMUM']));
      const { rows } = await pools.owner.query('SELECT count(*)::int AS n FROM contracts WHERE pathway_id = $1', [pathwayId]);
      expect(rows[0].n).toBe(0);
    });

    it('refuses a 15-year-old', async () => {
      const certification = await factory.certification(tenant);
      const young = await factory.candidate(tenant, { birthDate: addMonths(today(), -15 * 12) });
      const id = (await api().post('/pathways', { candidateId: young.id, certificationId: certification.id })).body.id;
      const response = await api().post(`/pathways/${id}/contracts`, { startDate: today(), plannedEndDate: addMonths(today(), 12), payPercentOfSmic: 55 });
      expect(response.status).toBe(422);
      expect(response.body.errors.map((e: { code: string }) => e.code)).toContain('CONTRACT_TOO_YOUNG');
    });

    it('refuses impossible dates with 400', async () => {
      const response = await api().post(`/pathways/${pathwayId}/contracts`, { startDate: '2027-02-30', plannedEndDate: '2028-01-01', payPercentOfSmic: 80 });
      expect(response.status).toBe(400);
      expect(response.body.errors[0].path).toBe('startDate');
    });

    it('updates a contract, re-checking the rules on the whole of it', async () => {
      const created = await api().post(`/pathways/${pathwayId}/contracts`, { startDate: '2027-01-01', plannedEndDate: '2027-12-31', payPercentOfSmic: 100 });
      const contractId = created.body.id as string;
      const filed = await api().patch(`/pathways/${pathwayId}/contracts/${contractId}`, { opco: 'OPCO 2i', opcoFiledOn: '2027-01-04' });
      expect(filed.status).toBe(200);
      expect(filed.body).toMatchObject({ opco: 'OPCO 2i', opcoFiledOn: '2027-01-04', trialEndDate: null });
      const accepted = await api().patch(`/pathways/${pathwayId}/contracts/${contractId}`, { opcoDecision: 'ACCEPTED_IMPLICIT' });
      // A field left out of a PATCH keeps its value.
      const moved = await api().patch(`/pathways/${pathwayId}/contracts/${contractId}`, { plannedEndDate: '2027-11-30' });
      expect(accepted.body.opcoDecision).toBe('ACCEPTED_IMPLICIT');
      expect(moved.body).toMatchObject({ plannedEndDate: '2027-11-30', opcoDecision: 'ACCEPTED_IMPLICIT', kind: 'VAE_INVERSEE' });
      // Details emptied in the edit form come as null: cleared; the others stay.
      await api().patch(`/pathways/${pathwayId}/contracts/${contractId}`, { trialEndDate: '2027-01-20', weeklyHours: 35, annualFundingEur: 9000 });
      const cleared = await api().patch(`/pathways/${pathwayId}/contracts/${contractId}`, { trialEndDate: null, weeklyHours: null, annualFundingEur: null, opco: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ trialEndDate: null, weeklyHours: null, annualFundingEur: null, opco: null, opcoFiledOn: '2027-01-04', plannedEndDate: '2027-11-30' });
      const { rows } = await pools.owner.query('SELECT trial_end_date, weekly_hours, opco FROM contracts WHERE id = $1', [contractId]);
      expect(rows).toEqual([{ trial_end_date: null, weekly_hours: null, opco: null }]);
      // The contract's dates themselves cannot be blanked.
      const blank = await api().patch(`/pathways/${pathwayId}/contracts/${contractId}`, { plannedEndDate: null });
      expect({ status: blank.status, path: blank.body.errors?.[0]?.path }).toEqual({ status: 400, path: 'plannedEndDate' });
      const tooLong = await api().patch(`/pathways/${pathwayId}/contracts/${contractId}`, { plannedEndDate: '2030-06-30' });
      expect(tooLong.status).toBe(422);
      expect(tooLong.body.errors.map((e: { code: string }) => e.code)).toContain('CONTRACT_TOO_LONG');
    });

    it('accepts 36 months', async () => {
      const response = await api().post(`/pathways/${pathwayId}/contracts`, { startDate: '2027-01-01', plannedEndDate: '2029-12-31', payPercentOfSmic: 100 });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ kind: 'VAE_INVERSEE', startDate: '2027-01-01', plannedEndDate: '2029-12-31', opcoDecision: 'PENDING' });
    });
  });

  it('refuses a fourth alternant for a company tutor', async () => {
    const tutor = await factory.member(tenant, 'TUTOR');
    const employerId = (await factory.employer(tenant)).id;
    for (let i = 0; i < 3; i++) await pathwayInExperience({ tutor, employerId });
    const certification = await factory.certification(tenant);
    const candidate = await factory.candidate(tenant);
    const id = (await api().post('/pathways', { candidateId: candidate.id, certificationId: certification.id })).body.id;
    const contract = await api().post(`/pathways/${id}/contracts`, { startDate: today(), plannedEndDate: addMonths(today(), 12), payPercentOfSmic: 80 });
    const fourth = await api().post(`/pathways/${id}/placements`, { contractId: contract.body.id, employerId, tutorMembershipId: tutor.membershipId, startDate: today() });
    expect(fourth.status).toBe(422);
    expect(fourth.body.errors[0].code).toBe('TUTOR_CAPACITY_EXCEEDED');
    const { rows } = await pools.owner.query('SELECT count(*)::int AS n FROM placements WHERE pathway_id = $1', [id]);
    expect(rows[0].n).toBe(0);
  });

  describe('lists', () => {
    it('filters by state and finds a candidate whatever the accents and case', async () => {
      const candidate = await factory.candidate(tenant, { firstName: 'Hélène', lastName: `Bérégovoy${Date.now()}` });
      const { id } = await pathwayInExperience({ candidateId: candidate.id });
      const found = await api().get(`/pathways?q=helene%20beregovoy&state=EXPERIENCE,DOSSIER`);
      expect(found.status).toBe(200);
      expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
      expect(found.body.total).toBe(1);
      const none = await api().get(`/pathways?q=helene%20beregovoy&state=CLOSED`);
      expect(none.body.items).toEqual([]);
    });

    it('filters by candidate and by member company', async () => {
      const { id, candidateId, employerId } = await pathwayInExperience();
      const other = await pathwayInExperience();
      const byCandidate = await api().get(`/pathways?candidateId=${candidateId}`);
      expect(byCandidate.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
      // A line of the list says what the pathway's page says, to the millisecond.
      const { id: _, state, version, activity, candidate, certification, cohortId, referentCoordinatorId, updatedAt } = (await api().get(`/pathways/${id}`)).body;
      expect(byCandidate.body.items[0]).toStrictEqual({ id, state, version, activity, candidate, certification, cohortId, referentCoordinatorId, updatedAt });
      expect(updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      const byEmployer = await api().get(`/pathways?employerId=${employerId}`);
      expect(byEmployer.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
      expect((await api().get(`/pathways?candidateId=${other.candidateId}&employerId=${employerId}`)).body.total).toBe(0);
      expect((await api().get('/pathways?candidateId=nope')).status).toBe(400);
    });

    it('pages with a total, at most 100 a page', async () => {
      const page = await api().get('/pathways?pageSize=2&page=1&sort=-createdAt');
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      expect(page.body.total).toBeGreaterThan(2);
      const next = await api().get('/pathways?pageSize=2&page=2&sort=-createdAt');
      expect(next.body.items.map((p: { id: string }) => p.id)).not.toContain(page.body.items[0].id);
      const pastTheEnd = await api().get('/pathways?pageSize=2&page=1000&sort=-createdAt');
      expect(pastTheEnd.status).toBe(200);
      expect(pastTheEnd.body).toMatchObject({ items: [], total: page.body.total, page: 1000 });
      expect((await api().get('/pathways?pageSize=101')).status).toBe(400);
      expect((await api().get('/pathways?state=NOPE')).status).toBe(400);
    });

    it('keeps the totals by state exact after each change', async () => {
      const inDatabase = async (states: string[]) =>
        (await pools.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM pathways WHERE tenant_id = $1 AND state::text = ANY ($2)', [tenant.id, states])).rows[0]!.n;
      const total = async (query: string) => {
        const response = await api().get(`/pathways?pageSize=1${query}`);
        expect(response.status).toBe(200);
        return response.body.total as number;
      };
      const { id, version } = await pathwayInExperience();
      const inExperience = await total('&state=EXPERIENCE');
      expect(inExperience).toBe(await inDatabase(['EXPERIENCE']));
      expect(await total('&state=EXPERIENCE')).toBe(inExperience);
      const everything = await total('');

      const withdrawn = await api().post(`/pathways/${id}/transitions`, { action: 'withdraw', expectedVersion: version, reason: 'Déménagement', date: today() });
      expect(withdrawn.status).toBe(200);
      expect(await total('&state=EXPERIENCE')).toBe(inExperience - 1);
      expect(await total('&state=WITHDRAWN,EXPERIENCE,WITHDRAWN')).toBe(await inDatabase(['WITHDRAWN', 'EXPERIENCE']));
      expect(await total('')).toBe(everything);

      const certification = await factory.certification(tenant);
      const created = await api().post('/pathways', { candidateId: (await factory.candidate(tenant)).id, certificationId: certification.id });
      expect(created.status).toBe(201);
      expect(await total('')).toBe(everything + 1);
      expect(await total('&state=CERTIFICATION_CHOSEN')).toBe(await inDatabase(['CERTIFICATION_CHOSEN']));
      // Other filters count the matching rows themselves.
      expect(await total('&state=CERTIFICATION_CHOSEN&q=personne-inconnue')).toBe(0);
    });
  });

  describe('what each role sees (DESIGN.md §6)', () => {
    it('shows a tutor, an employer contact and a candidate only their pathways; 404 for the others', async () => {
      const employer = await factory.employer(tenant);
      const tutor = await factory.member(tenant, 'TUTOR');
      const candidate = await factory.candidate(tenant);
      const mine = await pathwayInExperience({ employerId: employer.id, tutor, candidateId: candidate.id });
      const other = await pathwayInExperience();

      const employerContact = await factory.member(tenant, 'EMPLOYER');
      await pools.owner.query('UPDATE memberships SET employer_id = $1 WHERE id = $2', [employer.id, employerContact.membershipId]);
      const candidateUser = await factory.member(tenant, 'CANDIDATE');
      await pools.owner.query('UPDATE memberships SET candidate_id = $1 WHERE id = $2', [candidate.id, candidateUser.membershipId]);

      for (const person of [tutor, employerContact, candidateUser]) {
        const session = as((await login(app, person.email, person.password)).accessToken);
        const own = await session.get(`/pathways/${mine.id}`);
        expect(own.status).toBe(200);
        expect(own.body.availableActions).toEqual([]);
        expect((await session.get(`/pathways/${other.id}`)).status).toBe(404);
        expect((await session.get(`/pathways/${other.id}/history`)).status).toBe(404);
        const list = await session.get('/pathways?pageSize=100');
        expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([mine.id]);
        expect(list.body.total).toBe(1);
        expect((await session.get(`/pathways/${mine.id}/timeline`)).status).toBe(200);
        expect((await session.get(`/pathways/${other.id}/timeline`)).status).toBe(404);
        // Reading is all they do.
        expect((await session.post(`/pathways/${mine.id}/transitions`, { action: 'withdraw', expectedVersion: mine.version, reason: 'x', date: today() })).status).toBe(403);
        expect((await session.post('/pathways', { candidateId: candidate.id, certificationId: mine.certification.id })).status).toBe(403);
        expect((await session.get('/candidates')).status).toBe(403);
      }
    });

    it('stops showing a pathway to the tutor once the placement has ended', async () => {
      const tutor = await factory.member(tenant, 'TUTOR');
      const { id } = await pathwayInExperience({ tutor });
      const session = as((await login(app, tutor.email, tutor.password)).accessToken);
      expect((await session.get(`/pathways/${id}`)).status).toBe(200);
      await pools.owner.query(`UPDATE placements SET end_date = $1 WHERE pathway_id = $2`, [addDays(today(), -1), id]);
      expect((await session.get(`/pathways/${id}`)).status).toBe(404);
    });

    it('never shows another tenant’s pathway, even to its coordinators (404)', async () => {
      const { id } = await pathwayInExperience();
      const other = await factory.tenant();
      const foreignCoordinator = await factory.member(other, 'TENANT_ADMIN');
      const session = as((await login(app, foreignCoordinator.email, foreignCoordinator.password)).accessToken);
      expect((await session.get(`/pathways/${id}`)).status).toBe(404);
      expect((await session.post(`/pathways/${id}/transitions`, { action: 'withdraw', expectedVersion: 1, reason: 'x', date: today() })).status).toBe(404);
      expect((await session.post(`/pathways/${id}/contracts`, { startDate: today(), plannedEndDate: addMonths(today(), 12), payPercentOfSmic: 80 })).status).toBe(404);
      expect((await session.get('/pathways?pageSize=100')).body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    });
  });

  it('validates transition bodies: unknown action, missing version, wrong types (400, never 500)', async () => {
    const { id, version } = await pathwayInExperience();
    for (const body of [{ action: 'fly', expectedVersion: version }, { action: 'start' }, { action: 'scheduleJury', expectedVersion: version, date: 42 }, { action: 'withdraw', expectedVersion: version, reason: '', date: today() }]) {
      const response = await api().post(`/pathways/${id}/transitions`, body);
      expect({ body, status: response.status, code: response.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
    }
  });
});
