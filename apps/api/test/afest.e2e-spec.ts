import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addDays, parisDate } from '@jalon/domain';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestTenant } from '../../../test/support/factories.js';
import { bearer, http, login, startApi } from '../../../test/support/harness.js';

const today = () => parisDate(new Date());

/** AFEST cycles (D6313-3-2) and training modules: the theory part of a pathway. */
describe('AFEST cycles and training modules', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let app: NestFastifyApplication;
  let tenant: TestTenant;
  let coordinatorToken: string;
  let tutorToken: string;
  let pathwayId: string;
  let competencyIds: string[];

  beforeAll(async () => {
    app = await startApi(testConfig());
    tenant = await factory.tenant();
    const coordinator = await factory.member(tenant, 'COORDINATOR');
    coordinatorToken = (await login(app, coordinator.email, coordinator.password)).accessToken;
    const fixture = await factory.rowInEveryTable(tenant);
    pathwayId = fixture.pathwayId;
    tutorToken = (await login(app, fixture.tutor.email, fixture.tutor.password)).accessToken;
    competencyIds = fixture.competencyIds;
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  const openCycle = (token = tutorToken) =>
    http(app).post(`/api/v1/pathways/${pathwayId}/afest-cycles`).set(bearer(token)).send({ title: 'Réglage d’un centre d’usinage', competencyIds: competencyIds.slice(0, 2), analysisOn: addDays(today(), -10), analysisNotes: 'Découpage en 4 séquences' });
  const step = (cycleId: string, body: object, token = tutorToken) => http(app).post(`/api/v1/pathways/${pathwayId}/afest-cycles/${cycleId}/steps`).set(bearer(token)).send(body);

  it('runs the four dated steps in order, and the evaluation counts in the coverage', async () => {
    const opened = await openCycle();
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ nextStep: 'SITUATION', steps: { ANALYSIS: { date: addDays(today(), -10) }, SITUATION: null } });
    const id = opened.body.id as string;

    const early = await step(id, { step: 'EVALUATION', date: today(), assessments: [{ competencyId: competencyIds[0], level: 'ACQUIRED' }] });
    expect(early.status).toBe(422);
    expect(early.body.errors[0].code).toBe('AFEST_REFLECTION_REQUIRED');

    expect((await step(id, { step: 'SITUATION', date: addDays(today(), -8) })).status).toBe(201);
    const notSeparate = await step(id, { step: 'REFLECTION', date: addDays(today(), -7) });
    expect(notSeparate.status).toBe(400);
    expect((await step(id, { step: 'REFLECTION', date: addDays(today(), -7), separateFromProduction: true, notes: 'Retour sur les erreurs de cote' })).status).toBe(201);
    const evaluated = await step(id, { step: 'EVALUATION', date: today(), assessments: [{ competencyId: competencyIds[0], level: 'ACQUIRED' }] });
    expect(evaluated.status).toBe(201);
    expect(evaluated.body).toMatchObject({ nextStep: null, assessments: [{ competencyId: competencyIds[0], level: 'ACQUIRED' }] });

    const coverage = await http(app).get(`/api/v1/pathways/${pathwayId}/coverage`).set(bearer(coordinatorToken));
    expect(coverage.body.blocs[0]).toMatchObject({ code: 'B1', acquired: 1 });
    const again = await step(id, { step: 'EVALUATION', date: today(), assessments: [{ competencyId: competencyIds[0], level: 'ACQUIRED' }] });
    expect(again.body.errors[0].code).toBe('AFEST_STEP_ALREADY_DONE');
  });

  it('refuses steps before the previous one, in the future, and competencies outside the cycle', async () => {
    const id = (await openCycle()).body.id as string;
    expect((await step(id, { step: 'SITUATION', date: addDays(today(), -20) })).body.errors[0].code).toBe('AFEST_DATE_BEFORE_PREVIOUS_STEP');
    expect((await step(id, { step: 'SITUATION', date: addDays(today(), 2) })).body.errors[0].code).toBe('AFEST_DATE_IN_FUTURE');
    await step(id, { step: 'SITUATION', date: today() });
    await step(id, { step: 'REFLECTION', date: today(), separateFromProduction: true });
    const outside = await step(id, { step: 'EVALUATION', date: today(), assessments: [{ competencyId: competencyIds[3], level: 'ACQUIRED' }] });
    expect(outside.status).toBe(400);
    const { rows } = await pools.owner.query('SELECT evaluation_on FROM afest_cycles WHERE id = $1', [id]);
    expect(rows[0].evaluation_on).toBeNull();
  });

  it('lets staff plan training modules; tutors only read them', async () => {
    const created = await http(app).post(`/api/v1/pathways/${pathwayId}/training-modules`).set(bearer(coordinatorToken)).send({ title: 'Lecture de plans', provider: 'AFPI Occitanie', hoursPlanned: 35, startDate: '2026-09-01', endDate: '2026-09-05' });
    expect(created.status).toBe(201);
    const done = await http(app).patch(`/api/v1/pathways/${pathwayId}/training-modules/${created.body.id}`).set(bearer(coordinatorToken)).send({ hoursDone: 21 });
    expect(done.body).toMatchObject({ hoursPlanned: 35, hoursDone: 21 });
    const backwards = await http(app).patch(`/api/v1/pathways/${pathwayId}/training-modules/${created.body.id}`).set(bearer(coordinatorToken)).send({ endDate: '2026-08-01' });
    expect(backwards.status).toBe(400);
    const seenByTutor = (await http(app).get(`/api/v1/pathways/${pathwayId}/training-modules`).set(bearer(tutorToken))).body;
    expect(seenByTutor.map((m: { id: string }) => m.id)).toContain(created.body.id);
    expect((await http(app).post(`/api/v1/pathways/${pathwayId}/training-modules`).set(bearer(tutorToken)).send({ title: 'x', provider: 'y', hoursPlanned: 1 })).status).toBe(403);
  });

  it('is out of reach for other tutors and other tenants (404)', async () => {
    const stranger = await factory.member(tenant, 'TUTOR');
    const token = (await login(app, stranger.email, stranger.password)).accessToken;
    expect((await openCycle(token)).status).toBe(404);
    const foreign = await factory.member(await factory.tenant(), 'TENANT_ADMIN');
    const foreignToken = (await login(app, foreign.email, foreign.password)).accessToken;
    expect((await openCycle(foreignToken)).status).toBe(404);
    expect((await http(app).get(`/api/v1/pathways/${pathwayId}/afest-cycles`).set(bearer(foreignToken))).status).toBe(404);
  });
});
