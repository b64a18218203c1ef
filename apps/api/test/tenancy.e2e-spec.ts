import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import net from 'node:net';
import pg from 'pg';
import { Database, Prisma } from '@jalon/server/database';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestTenant } from '../../../test/support/factories.js';
import { bearer, http, login, startApi } from '../../../test/support/harness.js';

const DATABASE_PORT = Number(new URL(testConfig().database.url).port || 5432);

/** Row-level security: the second lock, proven against the real database. */
describe('tenancy', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let app: NestFastifyApplication;
  let tenantA: TestTenant;
  let tenantB: TestTenant;
  let tenantTables: string[];

  beforeAll(async () => {
    // One connection in the pool: consecutive transactions reuse it.
    app = await startApi(testConfig({ DATABASE_POOL_SIZE: '1' }));
    tenantA = await factory.tenant('GEIQ A');
    tenantB = await factory.tenant('GEIQ B');
    for (const tenant of [tenantA, tenantB]) {
      await factory.rowInEveryTable(tenant);
      const admin = await factory.member(tenant, 'TENANT_ADMIN');
      const { accessToken } = await login(app, admin.email, admin.password);
      const created = await http(app).post('/api/v1/invitations').set(bearer(accessToken)).send({ email: `tutor-${tenant.slug}@test.jalon.fr`, role: 'TUTOR' });
      expect(created.status).toBe(201);
    }
    const { rows } = await pools.owner.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY table_name`,
    );
    tenantTables = rows.map((r) => r.table_name);
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  it('knows the tenant tables', () => {
    expect(tenantTables).toEqual(expect.arrayContaining(['audit_logs', 'invitations', 'memberships', 'outbox_messages']));
  });

  it('enables and forces row-level security on every table with a tenant_id', async () => {
    const { rows } = await pools.owner.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; policies: number }>(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relname = ANY($1)`,
      [tenantTables],
    );
    expect(rows).toHaveLength(tenantTables.length);
    for (const row of rows) {
      expect({ table: row.relname, enabled: row.relrowsecurity, forced: row.relforcerowsecurity, hasPolicy: row.policies > 0 }).toEqual({
        table: row.relname,
        enabled: true,
        forced: true,
        hasPolicy: true,
      });
    }
  });

  it('connects as a role that owns nothing and cannot bypass row-level security', async () => {
    const { rows } = await pools.app.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
      `SELECT r.rolsuper, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it('shows no row of any tenant table when no tenant is set', async () => {
    for (const table of tenantTables) {
      const asOwner = await pools.owner.query(`SELECT count(*)::int AS n FROM ${table}`);
      const asApp = await pools.app.query(`SELECT count(*)::int AS n FROM ${table}`);
      expect({ table, ownerSeesRows: asOwner.rows[0].n > 0 }).toEqual({ table, ownerSeesRows: true });
      expect({ table, appRows: asApp.rows[0].n }).toEqual({ table, appRows: 0 });
    }
  });

  it('shows only the current tenant’s rows when a tenant is set', async () => {
    const client = await pools.app.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantA.id]);
      const { rows } = await client.query<{ tenant_id: string }>('SELECT DISTINCT tenant_id FROM invitations');
      expect(rows.map((r) => r.tenant_id)).toEqual([tenantA.id]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  });

  it('refuses, in the database itself, an insert carrying another tenant’s id', async () => {
    const client = await pools.app.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantA.id]);
      await expect(
        client.query(`INSERT INTO invitations (id, tenant_id, email, role, token_hash, expires_at) VALUES (gen_random_uuid(), $1, 'x@test.jalon.fr', 'TUTOR', md5(random()::text), now())`, [tenantB.id]),
      ).rejects.toThrow(/row-level security/);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });

  it('refuses to move a row to another tenant', async () => {
    const client = await pools.app.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantA.id]);
      await expect(client.query('UPDATE invitations SET tenant_id = $1', [tenantB.id])).rejects.toThrow(/row-level security/);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });

  it('never lets audit rows be changed or deleted by the application', async () => {
    await expect(pools.app.query(`UPDATE audit_logs SET action = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(pools.app.query('DELETE FROM audit_logs')).rejects.toThrow(/permission denied/);
  });

  it('does not carry a tenant from one transaction to the next on a pooled connection', async () => {
    const db = app.get(Database);
    const inA = await db.transaction(tenantA.id, () => db.client.invitation.count());
    expect(inA).toBeGreaterThan(0);
    const after = await db.transaction(null, async () => ({
      invitations: await db.client.invitation.count(),
      setting: (await db.client.$queryRaw<{ s: string | null }[]>`SELECT current_setting('app.tenant_id', true) AS s`)[0]!.s,
    }));
    expect(after.invitations).toBe(0);
    expect(after.setting ?? '').toBe('');
  });

  it('opens a tenant’s transaction in one round trip, and each of many at once sees only its own tenant', async () => {
    const db = app.get(Database);
    const sent = jest.spyOn(pg.Client.prototype, 'query');
    try {
      const seen = await db.transaction(tenantA.id, async () => (await db.client.$queryRaw<{ s: string }[]>`SELECT current_setting('app.tenant_id') AS s`)[0]!.s);
      expect(seen).toBe(tenantA.id);
      // BEGIN with the tenant, the statement, COMMIT.
      expect(sent.mock.calls.map(([config]) => (typeof config === 'string' ? config : (config as { text: string }).text).split(' ')[0])).toEqual(['BEGIN;', 'SELECT', 'COMMIT']);
    } finally {
      sent.mockRestore();
    }
    const tenants = Array.from({ length: 24 }, (_, i) => (i % 2 ? tenantA.id : tenantB.id));
    const answers = await Promise.all(
      tenants.map((tenantId) =>
        db.transaction(tenantId, async () => ({
          setting: (await db.client.$queryRaw<{ s: string }[]>`SELECT current_setting('app.tenant_id') AS s`)[0]!.s,
          invitations: await db.client.invitation.findMany({ select: { tenantId: true } }),
        })),
      ),
    );
    answers.forEach((answer, i) => {
      expect(answer.setting).toBe(tenants[i]);
      expect(answer.invitations.length).toBeGreaterThan(0);
      expect(answer.invitations.every((inv) => inv.tenantId === tenants[i])).toBe(true);
    });
    // A transaction without tenant still begins before its first statement: its statements share one transaction id.
    const txid = async () => (await db.client.$queryRaw<{ id: string }[]>`SELECT txid_current()::text AS id`)[0]!.id;
    const [first, second] = await db.transaction(null, async () => [await txid(), await txid()]);
    expect(second).toBe(first);
  });

  it('reads a statement of its own in one write (BEGIN with the tenant, the statement, COMMIT), each of many at once in its own tenant', async () => {
    const db = app.get(Database);
    const currentTenant = Prisma.sql`SELECT current_setting('app.tenant_id') AS s, count(*)::int AS invitations FROM invitations`;
    await db.sqlStatement(tenantA.id, currentTenant); // the pool's connection is open before counting
    const sent = jest.spyOn(pg.Client.prototype, 'query');
    const writes = jest.spyOn(net.Socket.prototype, 'write');
    const flushes = [jest.spyOn(net.Socket.prototype as unknown as { _write: () => void }, '_write'), jest.spyOn(net.Socket.prototype as unknown as { _writev: () => void }, '_writev')];
    // Only the database's sockets: Redis or the HTTP server could write meanwhile.
    const toDatabase = (spy: jest.SpyInstance) => spy.mock.contexts.filter((socket) => (socket as net.Socket).remotePort === DATABASE_PORT).length;
    try {
      const [row] = await db.sqlStatement<{ s: string; invitations: number }>(tenantA.id, currentTenant);
      expect(row!.s).toBe(tenantA.id);
      expect(row!.invitations).toBeGreaterThan(0);
      expect(sent.mock.calls.map(([config]) => (typeof config === 'string' ? config : (config as { text: string }).text).split(' ')[0])).toEqual(['BEGIN;', 'SELECT', 'COMMIT']);
      // Queued as several messages, handed to the socket once.
      expect(toDatabase(writes)).toBeGreaterThan(1);
      expect(flushes.reduce((calls, flush) => calls + toDatabase(flush), 0)).toBe(1);
    } finally {
      [sent, writes, ...flushes].forEach((spy) => spy.mockRestore());
    }
    const tenants = Array.from({ length: 24 }, (_, i) => (i % 2 ? tenantA.id : tenantB.id));
    const answers = await Promise.all(tenants.map((tenantId) => db.sqlStatement<{ s: string }>(tenantId, currentTenant)));
    expect(answers.map(([answer]) => answer!.s)).toEqual(tenants);
  });

  it('gives the connection back clean when a statement of its own fails', async () => {
    const db = app.get(Database);
    const backend = Prisma.sql`SELECT current_setting('app.tenant_id') AS s, pg_backend_pid() AS pid`;
    const [before] = await db.sqlStatement<{ pid: number }>(tenantA.id, backend);
    await expect(db.sqlStatement(tenantA.id, Prisma.sql`SELECT 1 / (count(*) - count(*)) FROM invitations`)).rejects.toThrow(/division by zero/);
    // The pool's only connection, kept: an aborted transaction left open would refuse the next BEGIN's tenant.
    const [after] = await db.sqlStatement<{ s: string; pid: number }>(tenantB.id, backend);
    expect(after).toEqual({ s: tenantB.id, pid: before!.pid });
    const outside = await db.transaction(null, async () => (await db.client.$queryRaw<{ s: string | null }[]>`SELECT current_setting('app.tenant_id', true) AS s`)[0]!.s);
    expect(outside ?? '').toBe('');
  });

  it('survives a connection lost in the middle of a statement of its own', async () => {
    const db = app.get(Database);
    const reading = db.sqlStatement(tenantA.id, Prisma.sql`SELECT pg_sleep(5), 'lost connection' AS marker`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { rows } = await pools.owner.query<{ ended: boolean }>(`SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE query LIKE '%''lost connection'' AS marker%' AND pid <> pg_backend_pid()`);
    expect(rows).toEqual([{ ended: true }]);
    await expect(reading).rejects.toThrow(/terminat|Connection/i);
    // The process is still here, and the pool opens another connection.
    const [next] = await db.sqlStatement<{ s: string }>(tenantB.id, Prisma.sql`SELECT current_setting('app.tenant_id') AS s`);
    expect(next).toEqual({ s: tenantB.id });
  });

  it('does not carry a tenant from one request to the next', async () => {
    const adminA = await factory.member(tenantA, 'TENANT_ADMIN');
    const adminB = await factory.member(tenantB, 'TENANT_ADMIN');
    const tokenA = (await login(app, adminA.email, adminA.password)).accessToken;
    const tokenB = (await login(app, adminB.email, adminB.password)).accessToken;
    for (let i = 0; i < 5; i++) {
      const [a, b] = [await http(app).get('/api/v1/invitations').set(bearer(tokenA)), await http(app).get('/api/v1/invitations').set(bearer(tokenB))];
      expect(a.body.items.every((inv: { email: string }) => inv.email.endsWith(`${tenantA.slug}@test.jalon.fr`))).toBe(true);
      expect(b.body.items.every((inv: { email: string }) => inv.email.endsWith(`${tenantB.slug}@test.jalon.fr`))).toBe(true);
    }
  });

  describe('through the API, tenant A’s token never reaches tenant B’s rows', () => {
    let tokenA: string;
    let invitationOfB: string;

    beforeAll(async () => {
      const adminA = await factory.member(tenantA, 'TENANT_ADMIN');
      tokenA = (await login(app, adminA.email, adminA.password)).accessToken;
      const { rows } = await pools.owner.query<{ id: string }>('SELECT id FROM invitations WHERE tenant_id = $1 LIMIT 1', [tenantB.id]);
      invitationOfB = rows[0]!.id;
    });

    it('does not list them', async () => {
      const response = await http(app).get('/api/v1/invitations').set(bearer(tokenA));
      expect(response.status).toBe(200);
      expect(response.body.items.map((i: { id: string }) => i.id)).not.toContain(invitationOfB);
    });

    it('answers 404 when deleting one, and leaves it untouched', async () => {
      const response = await http(app).delete(`/api/v1/invitations/${invitationOfB}`).set(bearer(tokenA));
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
      const { rows } = await pools.owner.query('SELECT revoked_at FROM invitations WHERE id = $1', [invitationOfB]);
      expect(rows[0].revoked_at).toBeNull();
    });
  });
});
