import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { addDays, addMonths, parisDate } from '@jalon/domain';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestTenant } from '../../../test/support/factories.js';
import { bearer, http, login, startApi } from '../../../test/support/harness.js';

const today = () => parisDate(new Date());

describe('coordinator dashboard', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let app: NestFastifyApplication;
  let tenant: TestTenant;
  let token: string;
  let pathwayId: string;

  beforeAll(async () => {
    app = await startApi(testConfig());
    tenant = await factory.tenant();
    const coordinator = await factory.member(tenant, 'COORDINATOR');
    token = (await login(app, coordinator.email, coordinator.password)).accessToken;
    // JURY_SCHEDULED with a jury in 10 days, a contract ending in 60, a tutor silent since February.
    pathwayId = (await factory.rowInEveryTable(tenant)).pathwayId;
    await pools.owner.query('UPDATE jury_sessions SET date = $1 WHERE pathway_id = $2', [addDays(today(), 10), pathwayId]);
    await pools.owner.query('UPDATE contracts SET planned_end_date = $1 WHERE pathway_id = $2', [addDays(today(), 60), pathwayId]);
    await pools.owner.query("UPDATE placements SET start_date = $1 WHERE pathway_id = $2", [addMonths(today(), -3), pathwayId]);
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  it('answers the whole page in one request', async () => {
    const response = await http(app).get('/api/v1/dashboard').set(bearer(token));
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.countsByState.JURY_SCHEDULED).toBe(1);
    expect(body.countsByState.CERTIFIED).toBe(0);
    expect(body.juriesNext30Days).toEqual([{ pathwayId, candidate: { firstName: 'Camille', lastName: expect.any(String) }, date: addDays(today(), 10), place: null }]);
    expect(body.contractsEndingIn90Days).toEqual([expect.objectContaining({ pathwayId, plannedEndDate: addDays(today(), 60), juryScheduled: true })]);
    expect(body.silentTutors).toEqual([expect.objectContaining({ pathways: 1, lastEntryDate: '2026-02-01' })]);
    expect(body.deadlines.map((d: { kind: string }) => d.kind)).toEqual(expect.arrayContaining(['JURY', 'OPCO_FILING']));
    expect(body.deadlines.find((d: { kind: string }) => d.kind === 'OPCO_FILING').overdue).toBe(true);
    expect(body.coverageDistribution.map((b: { pathways: number }) => b.pathways).reduce((a: number, b: number) => a + b, 0)).toBe(1);
  });

  it('filters by cohort and coordinator', async () => {
    const other = await http(app).get(`/api/v1/dashboard?cohortId=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`).set(bearer(token));
    expect(other.status).toBe(200);
    expect(other.body.countsByState.JURY_SCHEDULED).toBe(0);
    expect((await http(app).get('/api/v1/dashboard?cohortId=nope').set(bearer(token))).status).toBe(400);
  });

  it('serves the same figures for a minute, and shows a change to a pathway at once', async () => {
    const first = (await http(app).get('/api/v1/dashboard').set(bearer(token))).body;
    // Written behind the API's back: a cached dashboard does not see it.
    await pools.owner.query('UPDATE jury_sessions SET place = $1 WHERE pathway_id = $2', ['Salle du jury', pathwayId]);
    // Served from the cache without a word to the database.
    const sent = jest.spyOn(pg.Client.prototype, 'query');
    const again = (await http(app).get('/api/v1/dashboard').set(bearer(token))).body;
    const statements = sent.mock.calls.length;
    sent.mockRestore();
    expect(statements).toBe(0);
    // The stored JSON, sent as it is, is the answer first computed.
    expect(again).toEqual(first);

    const { version } = (await http(app).get(`/api/v1/pathways/${pathwayId}`).set(bearer(token))).body;
    const moved = await http(app)
      .post(`/api/v1/pathways/${pathwayId}/transitions`)
      .set(bearer(token))
      .send({ action: 'rescheduleJury', expectedVersion: version, date: addDays(today(), 20) });
    expect(moved.status).toBe(200);
    const after = (await http(app).get('/api/v1/dashboard').set(bearer(token))).body;
    expect(after.computedAt).not.toBe(first.computedAt);
    expect(after.juriesNext30Days).toEqual([expect.objectContaining({ pathwayId, date: addDays(today(), 20) })]);
  });

  it('shows a pathway moved to another cohort at once', async () => {
    const cohort = (await pools.owner.query<{ id: string }>('SELECT cohort_id AS id FROM pathways WHERE id = $1', [pathwayId])).rows[0]!.id;
    const other = (
      await pools.owner.query<{ id: string }>(
        `INSERT INTO cohorts (id, tenant_id, name, certification_id, start_date, updated_at)
         SELECT gen_random_uuid(), tenant_id, 'Promo 2', certification_id, start_date, now() FROM cohorts WHERE id = $1 RETURNING id`,
        [cohort],
      )
    ).rows[0]!.id;
    const inCohort = async (id: string) => (await http(app).get(`/api/v1/dashboard?cohortId=${id}`).set(bearer(token))).body.countsByState.JURY_SCHEDULED;
    expect([await inCohort(cohort), await inCohort(other)]).toEqual([1, 0]);
    const { version } = (await http(app).get(`/api/v1/pathways/${pathwayId}`).set(bearer(token))).body;
    expect((await http(app).patch(`/api/v1/pathways/${pathwayId}`).set(bearer(token)).send({ expectedVersion: version, cohortId: other })).status).toBe(200);
    expect([await inCohort(cohort), await inCohort(other)]).toEqual([0, 1]);
  });

  it('lists the 50 most urgent items of a kind and counts them all', async () => {
    const own = await factory.tenant();
    const coordinator = await factory.member(own, 'COORDINATOR');
    const { pathwayId: model } = await factory.rowInEveryTable(own);
    // 59 more open pathways like the first, each with a contract ending in 1 to 59 days.
    await pools.owner.query(
      `WITH copies AS (
         INSERT INTO pathways (id, tenant_id, candidate_id, certification_id, state, updated_at)
         SELECT gen_random_uuid(), tenant_id, candidate_id, certification_id, 'EXPERIENCE', now() FROM pathways, generate_series(1, 59) WHERE id = $1
         RETURNING id, tenant_id)
       INSERT INTO contracts (id, tenant_id, pathway_id, kind, start_date, planned_end_date, pay_percent_of_smic, updated_at)
       SELECT gen_random_uuid(), tenant_id, id, 'VAE_INVERSEE', '2026-01-05', $2::date + (row_number() OVER (ORDER BY id))::int, 55, now() FROM copies`,
      [model, today()],
    );
    const body = (await http(app).get('/api/v1/dashboard').set(bearer((await login(app, coordinator.email, coordinator.password)).accessToken))).body;
    expect(body.totals.contractsEndingIn90Days).toBe(59);
    expect(body.contractsEndingIn90Days).toHaveLength(50);
    expect(body.contractsEndingIn90Days[0].plannedEndDate).toBe(addDays(today(), 1));
    expect(body.contractsEndingIn90Days[49].plannedEndDate).toBe(addDays(today(), 50));
    expect(body.countsByState.EXPERIENCE).toBe(59);
    expect(body.totals.deadlines).toBeGreaterThanOrEqual(body.deadlines.length);
    expect(body.totals.silentTutors).toBe(1);
  });

  it('keeps coverage and tutor silence as the database derives them from entries', async () => {
    const own = await factory.tenant();
    const { pathwayId: id, tutor, competencyIds } = await factory.rowInEveryTable(own);
    const derived = async () =>
      (
        await pools.owner.query<{ share: number; last_entry: string | null }>(
          `SELECT p.acquired_share AS share, pl.tutor_last_entry_on::text AS last_entry FROM pathways p JOIN placements pl ON pl.pathway_id = p.id WHERE p.id = $1`,
          [id],
        )
      ).rows[0]!;
    expect(await derived()).toEqual({ share: 0, last_entry: '2026-02-01' });

    const tutorToken = (await login(app, tutor.email, tutor.password)).accessToken;
    const everyCompetency = competencyIds.map((competencyId) => ({ competencyId, level: 'ACQUIRED' }));
    const entry = await http(app)
      .post(`/api/v1/pathways/${id}/progress-entries`)
      .set(bearer(tutorToken))
      .send({ date: today(), activity: 'Réglage en autonomie', hours: 7, assessments: everyCompetency });
    expect(entry.status).toBe(201);
    expect(await derived()).toEqual({ share: 1, last_entry: today() });

    // A correction lowers one level: the share follows; so does the tutor's home.
    const corrected = await http(app)
      .patch(`/api/v1/pathways/${id}/progress-entries/${entry.body.id}`)
      .set(bearer(tutorToken))
      .send({ assessments: [{ competencyId: competencyIds[0], level: 'IN_PROGRESS' }, ...everyCompetency.slice(1)] });
    expect(corrected.status).toBe(200);
    const share = (competencyIds.length - 1) / competencyIds.length;
    expect((await derived()).share).toBeCloseTo(share, 5);
    const home = (await http(app).get('/api/v1/home').set(bearer(tutorToken))).body;
    expect(home.alternants[0].acquiredShare).toBeCloseTo(share, 3);

    // A placement made later starts with what its tutor already wrote on the pathway.
    const contract = await pools.owner.query<{ id: string; employer_id: string }>('SELECT contract_id AS id, employer_id FROM placements WHERE pathway_id = $1', [id]);
    await pools.owner.query(
      `INSERT INTO placements (id, tenant_id, contract_id, pathway_id, employer_id, tutor_membership_id, start_date) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6)`,
      [own.id, contract.rows[0]!.id, id, contract.rows[0]!.employer_id, tutor.membershipId, today()],
    );
    const placements = await pools.owner.query<{ last_entry: string }>('SELECT tutor_last_entry_on::text AS last_entry FROM placements WHERE pathway_id = $1', [id]);
    expect(placements.rows.map((r) => r.last_entry)).toEqual([today(), today()]);
  });

  it('keeps the acquired share right when two transactions assess one pathway at once', async () => {
    const own = await factory.tenant();
    const { pathwayId: id, tutor, competencyIds } = await factory.rowInEveryTable(own);
    const [first, second] = [await pools.app.connect(), await pools.app.connect()];
    const assess = (client: typeof first, competencyId: string) =>
      client.query(
        // An AFEST evaluation: nothing else on the pathway is written, only the assessment and its derived share.
        `WITH cycle AS (
           INSERT INTO afest_cycles (id, tenant_id, pathway_id, title, competency_ids, analysis_on, evaluation_on, created_by_id, updated_at)
           VALUES (gen_random_uuid(), $1, $2, 'Cycle', ARRAY[$5]::uuid[], $4, $4, $3, now()) RETURNING id)
         INSERT INTO competency_assessments (id, tenant_id, afest_cycle_id, pathway_id, competency_id, level, assessed_on)
         SELECT gen_random_uuid(), $1, cycle.id, $2, $5, 'ACQUIRED', $4 FROM cycle`,
        [own.id, id, tutor.id, today(), competencyId],
      );
    try {
      for (const client of [first, second]) {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [own.id]);
      }
      await assess(first, competencyIds[0]!);
      // The second waits for the first's lock on the pathway, then counts both assessments.
      const waiting = assess(second, competencyIds[1]!);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await first.query('COMMIT');
      await waiting;
      await second.query('COMMIT');
    } finally {
      first.release();
      second.release();
    }
    const { rows } = await pools.owner.query<{ share: number }>('SELECT acquired_share AS share FROM pathways WHERE id = $1', [id]);
    expect(rows[0]!.share).toBeCloseTo(2 / competencyIds.length, 5);
  });

  it('is for staff only, and never counts another tenant', async () => {
    const tutor = await factory.member(tenant, 'TUTOR');
    expect((await http(app).get('/api/v1/dashboard').set(bearer((await login(app, tutor.email, tutor.password)).accessToken))).status).toBe(403);
    const foreign = await factory.member(await factory.tenant(), 'COORDINATOR');
    const body = (await http(app).get('/api/v1/dashboard').set(bearer((await login(app, foreign.email, foreign.password)).accessToken))).body;
    expect(Object.values(body.countsByState).reduce((a, b) => (a as number) + (b as number), 0)).toBe(0);
  });
});
