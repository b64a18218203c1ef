import { createHmac } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@jalon/server/config';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestTenant, type TestUser } from '../../../test/support/factories.js';
import { bearer, http, login, startApi } from '../../../test/support/harness.js';
import { PasswordHasher } from '../src/auth/password-hasher.js';

const decode = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
const header = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;

function sign(payload: object, secret: string, alg = 'HS256'): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${part({ alg, typ: 'JWT' })}.${part(payload)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('authentication', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let config: AppConfig;
  let app: NestFastifyApplication;
  let tenant: TestTenant;
  let coordinator: TestUser;

  beforeAll(async () => {
    config = testConfig({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_ATTEMPTS_PER_IP: '1000' });
    app = await startApi(config);
    tenant = await factory.tenant();
    coordinator = await factory.member(tenant, 'COORDINATOR');
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  describe('POST /api/v1/auth/login', () => {
    it('answers tokens, the user, the tenant and the role', async () => {
      const response = await http(app).post('/api/v1/auth/login').send({ email: coordinator.email, password: coordinator.password });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        expiresIn: 900,
        user: { id: coordinator.id, email: coordinator.email },
        tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
        role: 'COORDINATOR',
      });
      expect(response.body.refreshToken).toMatch(/^[\w-]{43}$/); // 256 bits, base64url
      const claims = decode(response.body.accessToken);
      expect(header(response.body.accessToken).alg).toBe('HS256');
      expect(claims).toMatchObject({ sub: coordinator.id, tid: tenant.id, role: 'COORDINATOR', iss: 'jalon', aud: 'jalon-api' });
      expect((claims.exp as number) - (claims.iat as number)).toBe(900);
    });

    it('accepts the e-mail in any case and with spaces around it', async () => {
      const response = await http(app).post('/api/v1/auth/login').send({ email: `  ${coordinator.email.toUpperCase()} `, password: coordinator.password });
      expect(response.status).toBe(200);
    });

    it('gives the same answer for a wrong password and an unknown e-mail, and audits both', async () => {
      const wrong = await http(app).post('/api/v1/auth/login').send({ email: coordinator.email, password: 'not the right password' });
      const unknown = await http(app).post('/api/v1/auth/login').send({ email: 'nobody-here@test.jalon.fr', password: 'not the right password' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', status: 401 });
      expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
      const { rows } = await pools.owner.query(`SELECT action FROM audit_logs WHERE actor_id = $1 AND action = 'auth.login.failure'`, [coordinator.id]);
      expect(rows.length).toBeGreaterThan(0);
    });

    it('takes about as long for an unknown e-mail as for a wrong password', async () => {
      const time = async (email: string) => {
        const start = process.hrtime.bigint();
        await http(app).post('/api/v1/auth/login').send({ email, password: 'another wrong password' });
        return Number(process.hrtime.bigint() - start) / 1e6;
      };
      const other = await factory.member(tenant, 'TUTOR');
      const known = [await time(other.email), await time(other.email)];
      const unknown = [await time('ghost-1@test.jalon.fr'), await time('ghost-2@test.jalon.fr')];
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      // Both verify an argon2id hash: same order of magnitude, not a fast path for unknown e-mails.
      expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    });

    it('audits a successful login in the tenant', async () => {
      const user = await factory.member(tenant, 'TUTOR');
      await login(app, user.email, user.password);
      const { rows } = await pools.owner.query(`SELECT tenant_id, action, entity, entity_id FROM audit_logs WHERE actor_id = $1 AND action = 'auth.login.success'`, [user.id]);
      expect(rows).toEqual([{ tenant_id: tenant.id, action: 'auth.login.success', entity: 'User', entity_id: user.id }]);
    });

    it('answers 429 with Retry-After after too many failures on one account, known or not', async () => {
      for (const email of [(await factory.member(tenant, 'TUTOR')).email, 'unknown-throttled@test.jalon.fr']) {
        for (let i = 0; i < 3; i++) {
          expect((await http(app).post('/api/v1/auth/login').send({ email, password: 'wrong password here' })).status).toBe(401);
        }
        const blocked = await http(app).post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD_FOR(email) });
        expect(blocked.status).toBe(429);
        expect(blocked.body.code).toBe('AUTH_TOO_MANY_ATTEMPTS');
        expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      }
    });

    it('lets a user of several tenants choose one with tenantSlug', async () => {
      const other = await factory.tenant('GEIQ Bis');
      const user = await factory.member(tenant, 'COORDINATOR');
      await factory.member(other, 'TUTOR', user);
      const chosen = await login(app, user.email, user.password, other.slug);
      expect(chosen.tenant?.id).toBe(other.id);
      expect(chosen.role).toBe('TUTOR');
      const refused = await http(app).post('/api/v1/auth/login').send({ email: user.email, password: user.password, tenantSlug: 'not-mine' });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('AUTH_TENANT_NOT_ALLOWED');
    });

    it('answers 403 AUTH_NO_MEMBERSHIP for a user who belongs to no tenant', async () => {
      const user = await factory.user();
      const response = await http(app).post('/api/v1/auth/login').send({ email: user.email, password: user.password });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('AUTH_NO_MEMBERSHIP');
    });

    it.each([
      [{}, 'email'],
      [{ email: 'pas-un-email', password: 'x' }, 'email'],
      [{ email: 'a@b.fr', password: 12 }, 'password'],
      [{ email: 'a@b.fr', password: 'x', admin: true }, ''],
    ])('answers 400 VALIDATION_FAILED for %j', async (body, path) => {
      const response = await http(app).post('/api/v1/auth/login').send(body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    });
  });

  describe('access tokens', () => {
    it('are required on protected routes', async () => {
      const response = await http(app).get('/api/v1/auth/me');
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    });

    it('must be signed with the pinned algorithm, issuer and audience', async () => {
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub: coordinator.id, tid: tenant.id, mid: null, role: 'TENANT_ADMIN', iat: now, exp: now + 60 };
      const secret = config.auth.jwtSecret;
      const forged = [
        sign({ ...claims, iss: 'jalon', aud: 'jalon-api' }, 'another secret of at least 32 characters!'),
        sign({ ...claims, iss: 'someone-else', aud: 'jalon-api' }, secret),
        sign({ ...claims, iss: 'jalon', aud: 'another-api' }, secret),
        `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, iss: 'jalon', aud: 'jalon-api' })).toString('base64url')}.`,
        sign({ ...claims, iss: 'jalon', aud: 'jalon-api' }, secret, 'HS512'),
      ];
      for (const token of forged) {
        expect((await http(app).get('/api/v1/auth/me').set(bearer(token))).status).toBe(401);
      }
      // The same claims, correctly signed, pass: the refusals above are about the signature.
      expect((await http(app).get('/api/v1/auth/me').set(bearer(sign({ ...claims, role: 'COORDINATOR', iss: 'jalon', aud: 'jalon-api' }, secret)))).status).toBe(200);
    });

    it('expire, with a code that tells the client to refresh', async () => {
      const past = Math.floor(Date.now() / 1000) - 3600;
      const expired = sign({ sub: coordinator.id, tid: tenant.id, mid: null, role: 'COORDINATOR', iat: past, exp: past + 900, iss: 'jalon', aud: 'jalon-api' }, config.auth.jwtSecret);
      const response = await http(app).get('/api/v1/auth/me').set(bearer(expired));
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('AUTH_TOKEN_EXPIRED');
    });
  });

  describe('GET /api/v1/auth/me', () => {
    it('returns the user, tenant, role and permissions', async () => {
      const { accessToken } = await login(app, coordinator.email, coordinator.password);
      const response = await http(app).get('/api/v1/auth/me').set(bearer(accessToken));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        user: { id: coordinator.id, email: coordinator.email },
        tenant: { id: tenant.id, slug: tenant.slug },
        role: 'COORDINATOR',
        permissions: expect.arrayContaining(['session:read', 'invitations:manage']),
      });
      expect(response.body.permissions).not.toContain('platform:tenants:manage');
    });
  });

  describe('refresh tokens', () => {
    it('rotate: the new one works, the old one no longer does', async () => {
      const first = await login(app, coordinator.email, coordinator.password);
      const rotated = await http(app).post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken });
      expect(rotated.status).toBe(200);
      expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
      expect((await http(app).get('/api/v1/auth/me').set(bearer(rotated.body.accessToken))).status).toBe(200);
      const again = await http(app).post('/api/v1/auth/refresh').send({ refreshToken: rotated.body.refreshToken });
      expect(again.status).toBe(200);
    });

    it('revoke the whole family when an already rotated token is presented', async () => {
      const first = await login(app, coordinator.email, coordinator.password);
      const second = (await http(app).post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken })).body;
      const replay = await http(app).post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken });
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('AUTH_REFRESH_REUSED');
      // The legitimate newest token is dead too.
      const afterReplay = await http(app).post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken });
      expect(afterReplay.status).toBe(401);
    });

    it('are stored hashed, never in clear', async () => {
      const session = await login(app, coordinator.email, coordinator.password);
      const { rows } = await pools.owner.query('SELECT count(*)::int AS n FROM refresh_tokens WHERE token_hash = $1', [session.refreshToken]);
      expect(rows[0].n).toBe(0);
    });

    it('are revoked by logout: the session has ended, nothing was stolen', async () => {
      const user = await factory.member(tenant, 'COORDINATOR');
      const session = await login(app, user.email, user.password);
      expect((await http(app).post('/api/v1/auth/logout').send({ refreshToken: session.refreshToken })).status).toBe(204);
      const refreshed = await http(app).post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken });
      expect(refreshed.status).toBe(401);
      expect(refreshed.body).toMatchObject({ code: 'AUTH_REFRESH_INVALID', detail: 'Votre session a expiré. Veuillez vous reconnecter.' });
      const { rows } = await pools.owner.query(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'auth.refresh.reuse' AND actor_id = $1`, [user.id]);
      expect(rows[0].n).toBe(0);
    });

    it('refuse an unknown token', async () => {
      const response = await http(app).post('/api/v1/auth/refresh').send({ refreshToken: 'x'.repeat(43) });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('AUTH_REFRESH_INVALID');
    });
  });

  describe('POST /api/v1/auth/switch-tenant', () => {
    it('opens a session in another tenant of the same user, and only there', async () => {
      const other = await factory.tenant('GEIQ Autre');
      const user = await factory.member(tenant, 'COORDINATOR');
      await factory.member(other, 'TENANT_ADMIN', user);
      const session = await login(app, user.email, user.password, tenant.slug);
      const switched = await http(app).post('/api/v1/auth/switch-tenant').set(bearer(session.accessToken)).send({ tenantSlug: other.slug });
      expect(switched.status).toBe(200);
      expect(switched.body).toMatchObject({ tenant: { id: other.id }, role: 'TENANT_ADMIN' });
      expect(switched.body.memberships).toHaveLength(2);
      const foreign = await factory.tenant('GEIQ Étranger');
      const refused = await http(app).post('/api/v1/auth/switch-tenant').set(bearer(session.accessToken)).send({ tenantSlug: foreign.slug });
      expect(refused.status).toBe(403);
    });
  });
});

describe('logging in while another login is being checked', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let app: NestFastifyApplication;

  beforeAll(async () => {
    // One connection: a login that kept it while hashing would stop every other request.
    app = await startApi(testConfig({ DATABASE_POOL_SIZE: '1', LOGIN_MAX_ATTEMPTS_PER_IP: '1000' }));
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  it('does not hold a database connection while the password is hashed', async () => {
    const tenant = await factory.tenant();
    const [slow, other] = [await factory.member(tenant, 'COORDINATOR'), await factory.member(tenant, 'TUTOR')];
    // The first check waits until released: the real hash, run later.
    const hasher = app.get(PasswordHasher);
    const verify = hasher.verify.bind(hasher);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const hashing = new Promise<void>((resolve) => (entered = resolve));
    const spy = jest.spyOn(hasher, 'verify').mockImplementationOnce(async (hash, password) => {
      entered();
      await released;
      return verify(hash, password);
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      const first = http(app).post('/api/v1/auth/login').send({ email: slow.email, password: slow.password }).then((r) => r);
      await hashing;
      const second = await Promise.race([
        http(app).post('/api/v1/auth/login').send({ email: other.email, password: other.password }).then((r) => r.status),
        new Promise((resolve) => (timer = setTimeout(() => resolve('still waiting after 3 s'), 3_000))),
      ]);
      clearTimeout(timer);
      expect(second).toBe(200);
      release();
      expect((await first).status).toBe(200);
    } finally {
      release();
      spy.mockRestore();
    }
  });
});

function TEST_PASSWORD_FOR(email: string): string {
  // Even the right password is refused while the account is throttled.
  return email.startsWith('unknown') ? 'whatever password' : 'correct horse battery staple';
}
