import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Database } from '@jalon/server/database';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestTenant } from '../../../test/support/factories.js';
import { bearer, http, login, startApi } from '../../../test/support/harness.js';

/** Tables that grow with the network: reading them must go through an index. */
const LARGE_TABLES = ['pathways', 'progress_entries', 'competency_assessments', 'contracts', 'placements', 'jury_sessions', 'admissibilities', 'status_history', 'documents', 'comments', 'reminders', 'notifications'];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' && node['Relation Name'] && LARGE_TABLES.includes(node['Relation Name']) ? [node['Relation Name']] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

/**
 * The hot reads (dashboard, lists, timeline, progress, coverage, home) are
 * captured as the API runs them, then explained with sequential scans
 * disabled: a Seq Scan left on a large table means no index can serve it.
 * (On a small test database the planner would pick sequential scans anyway.)
 */
describe('query plans of the hot reads', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let app: NestFastifyApplication;
  let tenant: TestTenant;
  const captured: { sql: string; params: string }[] = [];

  beforeAll(async () => {
    app = await startApi(testConfig({ DATABASE_QUERY_EVENTS: 'true' }));
    app.get(Database).onQuery((q) => captured.push(q));
    tenant = await factory.tenant();
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  it('reads no large table without an index', async () => {
    const fixture = await factory.rowInEveryTable(tenant);
    const coordinator = await factory.member(tenant, 'COORDINATOR');
    const staff = (await login(app, coordinator.email, coordinator.password)).accessToken;
    const tutor = (await login(app, fixture.tutor.email, fixture.tutor.password)).accessToken;
    captured.length = 0;
    const id = fixture.pathwayId;
    for (const [token, path] of [
      [staff, '/api/v1/dashboard'],
      [staff, '/api/v1/pathways?state=JURY_SCHEDULED&pageSize=50'],
      [staff, '/api/v1/pathways?q=camille&sort=candidate'],
      [staff, `/api/v1/pathways/${id}`],
      [staff, `/api/v1/pathways/${id}/timeline`],
      [staff, `/api/v1/pathways/${id}/progress-entries`],
      [staff, `/api/v1/pathways/${id}/coverage`],
      [tutor, '/api/v1/home'],
      [tutor, '/api/v1/notifications'],
      [staff, `/api/v1/pathways/${id}/reminders`],
      [tutor, '/api/v1/pathways'],
    ] as const) {
      expect((await http(app).get(path).set(bearer(token))).status).toBe(200);
    }
    // The writes the benchmark drives read too: a tutor's entry, a coordinator's transition.
    const entry = await http(app)
      .post(`/api/v1/pathways/${id}/progress-entries`)
      .set(bearer(tutor))
      .send({ date: '2026-11-02', activity: 'Contrôle en fin de ligne', hours: 7, assessments: [{ competencyId: fixture.competencyIds[0], level: 'ACQUIRED' }] });
    expect(entry.status).toBe(201);
    const { version } = (await http(app).get(`/api/v1/pathways/${id}`).set(bearer(staff))).body;
    const moved = await http(app).post(`/api/v1/pathways/${id}/transitions`).set(bearer(staff)).send({ action: 'rescheduleJury', expectedVersion: version, date: '2027-01-15' });
    expect(moved.status).toBe(200);
    const reads = captured.filter((q) => /^\s*(SELECT|WITH)/i.test(q.sql) && LARGE_TABLES.some((t) => q.sql.includes(`"${t}"`) || q.sql.includes(` ${t} `)));
    expect(reads.length).toBeGreaterThan(10);
    // Including those read outside Prisma (Database.sqlTransaction): the timeline.
    expect(reads.some((q) => q.sql.includes('FROM status_history h'))).toBe(true);

    const problems: string[] = [];
    const client = await pools.app.connect();
    try {
      for (const query of reads) {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
        await client.query('SET LOCAL enable_seqscan = off');
        const params = (JSON.parse(query.params) as unknown[]).map((p) => (p !== null && typeof p === 'object' && !Array.isArray(p) ? JSON.stringify(p) : p));
        const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${query.sql}`, params);
        await client.query('ROLLBACK');
        const scans = seqScans(rows[0]!['QUERY PLAN'][0].Plan);
        if (scans.length) problems.push(`${scans.join(', ')} ← ${query.sql.replace(/\s+/g, ' ').slice(0, 300)}`);
      }
    } finally {
      client.release();
    }
    expect(problems).toEqual([]);
  });
});
