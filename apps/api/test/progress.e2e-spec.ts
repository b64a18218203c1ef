import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addDays, parisDate } from '@jalon/domain';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestTenant } from '../../../test/support/factories.js';
import { bearer, http, login, startApi } from '../../../test/support/harness.js';

const today = () => parisDate(new Date());

/** Tutors' progress entries and the coverage they add up to. */
describe('progress entries and coverage', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let app: NestFastifyApplication;
  let tenant: TestTenant;
  let coordinatorToken: string;
  let tutorToken: string;
  let pathwayId: string;
  let competencies: { id: string }[];

  beforeAll(async () => {
    app = await startApi(testConfig());
    tenant = await factory.tenant();
    const coordinator = await factory.member(tenant, 'COORDINATOR');
    coordinatorToken = (await login(app, coordinator.email, coordinator.password)).accessToken;
    const fixture = await factory.rowInEveryTable(tenant);
    pathwayId = fixture.pathwayId;
    // The placement of rowInEveryTable is current: its tutor follows this pathway.
    tutorToken = (await login(app, fixture.tutor.email, fixture.tutor.password)).accessToken;
    competencies = fixture.competencyIds.map((id) => ({ id }));
    await pools.owner.query(`UPDATE contracts SET start_date = '2025-01-06' WHERE pathway_id = $1`, [pathwayId]);
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  const post = (token: string, body: object, id = pathwayId) => http(app).post(`/api/v1/pathways/${id}/progress-entries`).set(bearer(token)).send(body);

  it('lets the company tutor log an entry with a level per competency, and shows it in the coverage', async () => {
    const [b1c1, b1c2, b2c1] = competencies;
    const created = await post(tutorToken, {
      date: today(),
      activity: 'Réglage d’un tour CN, contrôle des cotes au pied à coulisse',
      hours: 7,
      comment: 'Autonome sur le réglage',
      assessments: [
        { competencyId: b1c1!.id, level: 'ACQUIRED' },
        { competencyId: b1c2!.id, level: 'IN_PROGRESS' },
        { competencyId: b2c1!.id, level: 'ACQUIRED' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ hours: 7, author: { firstName: 'Prénom' } });
    expect(created.body.assessments).toHaveLength(3);

    // A later entry supersedes an earlier level: B2.C1 goes back to in progress.
    await post(coordinatorToken, { date: today(), activity: 'Point tripartite', hours: 1, assessments: [{ competencyId: b2c1!.id, level: 'IN_PROGRESS' }] });
    const coverage = await http(app).get(`/api/v1/pathways/${pathwayId}/coverage`).set(bearer(tutorToken));
    expect(coverage.status).toBe(200);
    expect(coverage.body).toEqual({
      blocs: [
        { code: 'B1', title: 'Bloc B1', competencies: 2, acquired: 1, inProgress: 1, acquiredShare: 0.5 },
        { code: 'B2', title: 'Bloc B2', competencies: 2, acquired: 0, inProgress: 1, acquiredShare: 0 },
      ],
      acquiredShare: 0.25,
      lastEntryDate: today(),
    });
  });

  it('refuses a date in the future, a competency of another certification and bad types', async () => {
    const future = await post(tutorToken, { date: addDays(today(), 1), activity: 'x', hours: 1 });
    expect(future.status).toBe(422);
    expect(future.body.errors[0].code).toBe('PROGRESS_DATE_IN_FUTURE');
    const other = await factory.certification(tenant);
    const { rows } = await pools.owner.query<{ id: string }>(`SELECT c.id FROM competencies c JOIN blocs b ON b.id = c.bloc_id WHERE b.certification_id = $1 LIMIT 1`, [other.id]);
    const foreign = await post(tutorToken, { date: today(), activity: 'x', hours: 1, assessments: [{ competencyId: rows[0]!.id, level: 'ACQUIRED' }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].path).toBe('assessments.0.competencyId');
    const types = await post(tutorToken, { date: today(), activity: '', hours: 'sept', assessments: [{ competencyId: competencies[0]!.id, level: 'EXPERT' }] });
    expect(types.status).toBe(400);
  });

  it('can be corrected by its author for 7 days, then is read-only', async () => {
    const created = await post(tutorToken, { date: today(), activity: 'Ébavurage', hours: 3, assessments: [{ competencyId: competencies[1]!.id, level: 'IN_PROGRESS' }] });
    const id = created.body.id as string;
    const fixed = await http(app).patch(`/api/v1/pathways/${pathwayId}/progress-entries/${id}`).set(bearer(tutorToken)).send({ hours: 3.5 });
    expect(fixed.status).toBe(200);
    expect(fixed.body.hours).toBe(3.5);
    // Assessments left out of the correction are kept.
    expect(fixed.body.assessments).toHaveLength(1);
    const byOther = await http(app).patch(`/api/v1/pathways/${pathwayId}/progress-entries/${id}`).set(bearer(coordinatorToken)).send({ hours: 4 });
    expect(byOther.status).toBe(409);
    await pools.owner.query(`UPDATE progress_entries SET created_at = now() - interval '8 days' WHERE id = $1`, [id]);
    const late = await http(app).patch(`/api/v1/pathways/${pathwayId}/progress-entries/${id}`).set(bearer(tutorToken)).send({ hours: 4 });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('PROGRESS_ENTRY_LOCKED');
  });

  it('attaches the author’s own uploads, and only those', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const upload = (token: string) =>
      http(app).post(`/api/v1/pathways/${pathwayId}/documents`).set(bearer(token)).field('kind', 'TUTOR_REPORT').attach('file', pdf, 'piece-usinee.pdf');
    const mine = (await upload(tutorToken)).body.id as string;
    const theirs = (await upload(coordinatorToken)).body.id as string;
    const refused = await post(tutorToken, { date: today(), activity: 'Contrôle', hours: 1, attachmentIds: [mine, theirs] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['attachmentIds.1']);
    const created = await post(tutorToken, { date: today(), activity: 'Contrôle', hours: 1, attachmentIds: [mine] });
    expect(created.status).toBe(201);
    expect(created.body.attachments).toEqual([{ id: mine, fileName: 'piece-usinee.pdf', mimeType: 'application/pdf' }]);
    // Already attached: not a second time.
    expect((await post(tutorToken, { date: today(), activity: 'Encore', hours: 1, attachmentIds: [mine] })).status).toBe(400);
    const detached = await http(app).patch(`/api/v1/pathways/${pathwayId}/progress-entries/${created.body.id}`).set(bearer(tutorToken)).send({ attachmentIds: [] });
    expect(detached.body.attachments).toEqual([]);
  });

  it('lists newest first with a cursor', async () => {
    for (const [i, date] of [addDays(today(), -3), addDays(today(), -2), addDays(today(), -1)].entries()) {
      await post(coordinatorToken, { date, activity: `Semaine ${i}`, hours: 1 });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string; date: string }[]; nextCursor: string | null } } = await http(app)
        .get(`/api/v1/pathways/${pathwayId}/progress-entries?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set(bearer(tutorToken));
      seen.push(...page.body.items.map((e) => e.date));
      cursor = page.body.nextCursor;
    } while (cursor);
    const total = (await pools.owner.query('SELECT count(*)::int AS n FROM progress_entries WHERE pathway_id = $1', [pathwayId])).rows[0].n;
    expect(seen).toHaveLength(total);
    expect([...seen].sort().reverse()).toEqual(seen);
    expect((await http(app).get(`/api/v1/pathways/${pathwayId}/progress-entries?cursor=nope`).set(bearer(tutorToken))).status).toBe(400);
  });

  it('is closed to other tutors, employers and candidates, and to other tenants (404 or 403)', async () => {
    const stranger = await factory.member(tenant, 'TUTOR');
    const strangerToken = (await login(app, stranger.email, stranger.password)).accessToken;
    expect((await post(strangerToken, { date: today(), activity: 'x', hours: 1 })).status).toBe(404);
    expect((await http(app).get(`/api/v1/pathways/${pathwayId}/coverage`).set(bearer(strangerToken))).status).toBe(404);
    const employer = await factory.member(tenant, 'EMPLOYER');
    expect((await post((await login(app, employer.email, employer.password)).accessToken, { date: today(), activity: 'x', hours: 1 })).status).toBe(403);
    const other = await factory.tenant();
    const foreignAdmin = await factory.member(other, 'TENANT_ADMIN');
    const foreignToken = (await login(app, foreignAdmin.email, foreignAdmin.password)).accessToken;
    expect((await post(foreignToken, { date: today(), activity: 'x', hours: 1 })).status).toBe(404);
    expect((await http(app).get(`/api/v1/pathways/${pathwayId}/progress-entries`).set(bearer(foreignToken))).status).toBe(404);
  });
});
