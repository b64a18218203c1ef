import type { NestFastifyApplication } from '@nestjs/platform-fastify';
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

  it('is for staff only, and never counts another tenant', async () => {
    const tutor = await factory.member(tenant, 'TUTOR');
    expect((await http(app).get('/api/v1/dashboard').set(bearer((await login(app, tutor.email, tutor.password)).accessToken))).status).toBe(403);
    const foreign = await factory.member(await factory.tenant(), 'COORDINATOR');
    const body = (await http(app).get('/api/v1/dashboard').set(bearer((await login(app, foreign.email, foreign.password)).accessToken))).body;
    expect(Object.values(body.countsByState).reduce((a, b) => (a as number) + (b as number), 0)).toBe(0);
  });
});
