import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parisDate } from '@jalon/domain';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestTenant } from '../../../test/support/factories.js';
import { bearer, http, login, startApi } from '../../../test/support/harness.js';

/** A pathway's timeline and its comments. */
describe('timeline and comments', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let app: NestFastifyApplication;
  let tenant: TestTenant;
  let coordinatorToken: string;
  let pathwayId: string;

  beforeAll(async () => {
    app = await startApi(testConfig());
    tenant = await factory.tenant();
    const coordinator = await factory.member(tenant, 'COORDINATOR');
    coordinatorToken = (await login(app, coordinator.email, coordinator.password)).accessToken;
    pathwayId = (await factory.rowInEveryTable(tenant)).pathwayId;
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  const timeline = (token: string, query = '') => http(app).get(`/api/v1/pathways/${pathwayId}/timeline${query}`).set(bearer(token));
  const comment = (token: string, body: object) => http(app).post(`/api/v1/pathways/${pathwayId}/comments`).set(bearer(token)).send(body);

  it('gathers status changes, progress, AFEST steps, documents and comments, newest first', async () => {
    const posted = await comment(coordinatorToken, { body: 'Entretien tripartite prévu le 12 décembre' });
    expect(posted.status).toBe(201);
    expect(posted.body.author.firstName).toBe('Prénom');
    const response = await timeline(coordinatorToken);
    expect(response.status).toBe(200);
    const types = new Set(response.body.items.map((i: { type: string }) => i.type));
    expect([...types].sort()).toEqual(['AFEST_STEP', 'COMMENT', 'DOCUMENT', 'PROGRESS_ENTRY', 'STATUS_CHANGE']);
    const times = response.body.items.map((i: { at: string }) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(response.body.items[0]).toMatchObject({ type: 'COMMENT', actor: { firstName: 'Prénom' }, data: { body: 'Entretien tripartite prévu le 12 décembre' } });
    expect(response.body.items.find((i: { type: string }) => i.type === 'DOCUMENT').summary).toBe('Document déposé : CV (cv.pdf)');
  });

  it('pages with a cursor, each item once', async () => {
    const all = (await timeline(coordinatorToken, '?limit=100')).body.items.map((i: { id: string; type: string; at: string }) => `${i.type}:${i.id}:${i.at}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string; type: string; at: string }[]; nextCursor: string | null } } = await timeline(coordinatorToken, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((i) => `${i.type}:${i.id}:${i.at}`));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    const beforeEverything = Buffer.from('2000-01-01T00:00:00.000Z|0').toString('base64url');
    const empty = await timeline(coordinatorToken, `?cursor=${beforeEverything}`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ items: [], nextCursor: null });
  });

  it('shows the candidate only the comments shared with them; the candidate cannot comment', async () => {
    await comment(coordinatorToken, { body: 'Note interne : relancer l’OPCO' });
    await comment(coordinatorToken, { body: 'Bravo pour ta première semaine !', sharedWithCandidate: true });
    const { rows } = await pools.owner.query<{ candidate_id: string }>('SELECT candidate_id FROM pathways WHERE id = $1', [pathwayId]);
    const candidate = await factory.member(tenant, 'CANDIDATE');
    await pools.owner.query('UPDATE memberships SET candidate_id = $1 WHERE id = $2', [rows[0]!.candidate_id, candidate.membershipId]);
    const token = (await login(app, candidate.email, candidate.password)).accessToken;
    const bodies = (await timeline(token, '?limit=100')).body.items.filter((i: { type: string }) => i.type === 'COMMENT').map((i: { data: { body: string } }) => i.data.body);
    expect(bodies).toContain('Bravo pour ta première semaine !');
    expect(bodies).not.toContain('Note interne : relancer l’OPCO');
    expect((await comment(token, { body: 'Merci' })).status).toBe(403);
  });

  it('lets the employer contact of the placement comment', async () => {
    const { rows } = await pools.owner.query<{ employer_id: string }>('SELECT employer_id FROM placements WHERE pathway_id = $1', [pathwayId]);
    const contact = await factory.member(tenant, 'EMPLOYER');
    await pools.owner.query('UPDATE memberships SET employer_id = $1 WHERE id = $2', [rows[0]!.employer_id, contact.membershipId]);
    const token = (await login(app, contact.email, contact.password)).accessToken;
    expect((await comment(token, { body: `Point fait le ${parisDate(new Date())}` })).status).toBe(201);
    expect((await comment(token, { body: '' })).status).toBe(400);
  });

  it('keeps other tenants and other pathways out (404)', async () => {
    const foreign = await factory.member(await factory.tenant(), 'TENANT_ADMIN');
    const token = (await login(app, foreign.email, foreign.password)).accessToken;
    expect((await timeline(token)).status).toBe(404);
    expect((await comment(token, { body: 'x' })).status).toBe(404);
    const stranger = await factory.member(tenant, 'TUTOR');
    expect((await timeline((await login(app, stranger.email, stranger.password)).accessToken)).status).toBe(404);
    expect((await timeline(coordinatorToken, '?cursor=bad')).status).toBe(400);
  });
});
