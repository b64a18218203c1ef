import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addDays, parisDate } from '@jalon/domain';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestTenant } from '../../../test/support/factories.js';
import { bearer, http, login, startApi } from '../../../test/support/harness.js';

const today = () => parisDate(new Date());

/** The first page of tutors, employer contacts and candidates. */
describe('home pages', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let app: NestFastifyApplication;
  let tenant: TestTenant;
  let fixture: Awaited<ReturnType<Factory['rowInEveryTable']>>;

  beforeAll(async () => {
    app = await startApi(testConfig());
    tenant = await factory.tenant();
    fixture = await factory.rowInEveryTable(tenant);
    await factory.rowInEveryTable(tenant); // another pathway, someone else's
    await pools.owner.query('UPDATE jury_sessions SET date = $1 WHERE pathway_id = $2', [addDays(today(), 12), fixture.pathwayId]);
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  const home = async (email: string, password: string) => http(app).get('/api/v1/home').set(bearer((await login(app, email, password)).accessToken));

  it('shows a tutor their alternants with last entry, coverage and next deadline', async () => {
    const response = await home(fixture.tutor.email, fixture.tutor.password);
    expect(response.status).toBe(200);
    expect(response.body.role).toBe('TUTOR');
    expect(response.body.alternants).toEqual([
      expect.objectContaining({
        pathwayId: fixture.pathwayId,
        state: 'JURY_SCHEDULED',
        lastEntryDate: '2026-02-01',
        acquiredShare: 0,
        employer: expect.objectContaining({ name: expect.stringContaining('Atelier Test') }),
        nextDeadline: { kind: 'JURY', dueOn: addDays(today(), 12), overdue: false },
      }),
    ]);
  });

  it('shows an employer contact the alternants placed with their company only', async () => {
    const { rows } = await pools.owner.query<{ employer_id: string }>('SELECT employer_id FROM placements WHERE pathway_id = $1', [fixture.pathwayId]);
    const contact = await factory.member(tenant, 'EMPLOYER');
    await pools.owner.query('UPDATE memberships SET employer_id = $1 WHERE id = $2', [rows[0]!.employer_id, contact.membershipId]);
    const response = await home(contact.email, contact.password);
    expect(response.body.alternants.map((a: { pathwayId: string }) => a.pathwayId)).toEqual([fixture.pathwayId]);
  });

  it('shows a candidate their pathway, next steps and deadlines', async () => {
    const { rows } = await pools.owner.query<{ candidate_id: string }>('SELECT candidate_id FROM pathways WHERE id = $1', [fixture.pathwayId]);
    const candidate = await factory.member(tenant, 'CANDIDATE');
    await pools.owner.query('UPDATE memberships SET candidate_id = $1 WHERE id = $2', [rows[0]!.candidate_id, candidate.membershipId]);
    const response = await home(candidate.email, candidate.password);
    expect(response.body).toMatchObject({ role: 'CANDIDATE', nextSteps: [expect.stringContaining('jury')] });
    expect(response.body.alternants).toHaveLength(1);
    expect(response.body.deadlines).toEqual(expect.arrayContaining([{ kind: 'JURY', dueOn: addDays(today(), 12), overdue: false }]));
  });

  it('is not the coordinators’ page (they have the dashboard)', async () => {
    const coordinator = await factory.member(tenant, 'COORDINATOR');
    expect((await home(coordinator.email, coordinator.password)).status).toBe(403);
  });
});
