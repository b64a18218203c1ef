import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestTenant, type TestUser } from '../../../test/support/factories.js';
import { bearer, http, startApi } from '../../../test/support/harness.js';

const COOKIE_MODE = { 'x-jalon-session': 'cookie' };

/** The `jalon_refresh` Set-Cookie header of an answer, split into its value and attributes. */
function refreshCookie(response: { headers: Record<string, unknown> }): { value: string; attributes: string[] } | null {
  const raw = response.headers['set-cookie'];
  const line = (Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : []).find((c) => c.startsWith('jalon_refresh='));
  if (!line) return null;
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  return { value: pair!.slice('jalon_refresh='.length), attributes: attributes.map((a) => a.toLowerCase()) };
}

const withCookie = (value: string) => ({ ...COOKIE_MODE, Cookie: `jalon_refresh=${value}` });

describe('browser sessions: the refresh token in a cookie', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let app: NestFastifyApplication;
  let tenant: TestTenant;
  let coordinator: TestUser;

  beforeAll(async () => {
    app = await startApi(testConfig({ REFRESH_TOKEN_TTL_DAYS: '30' }));
    tenant = await factory.tenant();
    coordinator = await factory.member(tenant, 'COORDINATOR');
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  const browserLogin = () => http(app).post('/api/v1/auth/login').set(COOKIE_MODE).send({ email: coordinator.email, password: coordinator.password });

  it('login sets an httpOnly, Secure, SameSite=Strict cookie on the auth routes only, and keeps the token out of the body', async () => {
    const response = await browserLogin();
    expect(response.status).toBe(200);
    expect(response.body.accessToken).toEqual(expect.any(String));
    expect(response.body).not.toHaveProperty('refreshToken');
    const cookie = refreshCookie(response);
    expect(cookie?.value).toMatch(/^[\w-]{43}$/);
    expect(cookie?.attributes).toEqual(expect.arrayContaining(['httponly', 'secure', 'samesite=strict', 'path=/api/v1/auth', `max-age=${30 * 86_400}`]));
  });

  it('login without cookie mode answers the token in the body and sets no cookie', async () => {
    const response = await http(app).post('/api/v1/auth/login').send({ email: coordinator.email, password: coordinator.password });
    expect(response.body.refreshToken).toMatch(/^[\w-]{43}$/);
    expect(refreshCookie(response)).toBeNull();
  });

  it('refresh rotates the cookie; presenting the old one again revokes the session', async () => {
    const first = refreshCookie(await browserLogin())!.value;
    const rotated = await http(app).post('/api/v1/auth/refresh').set(withCookie(first)).send({});
    expect(rotated.status).toBe(200);
    expect(rotated.body).not.toHaveProperty('refreshToken');
    expect((await http(app).get('/api/v1/auth/me').set(bearer(rotated.body.accessToken))).body.user.email).toBe(coordinator.email);
    const second = refreshCookie(rotated)!.value;
    expect(second).not.toBe(first);

    const replay = await http(app).post('/api/v1/auth/refresh').set(withCookie(first)).send({});
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('AUTH_REFRESH_REUSED');
    expect((await http(app).post('/api/v1/auth/refresh').set(withCookie(second)).send({})).status).toBe(401);
  });

  it('ignores the cookie on a request that does not ask for cookie mode', async () => {
    const value = refreshCookie(await browserLogin())!.value;
    const response = await http(app).post('/api/v1/auth/refresh').set('Cookie', `jalon_refresh=${value}`).send({});
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('AUTH_REFRESH_INVALID');
    // Still valid: it was never read.
    expect((await http(app).post('/api/v1/auth/refresh').set(withCookie(value)).send({})).status).toBe(200);
  });

  it('refresh without any token answers 401 in French', async () => {
    const response = await http(app).post('/api/v1/auth/refresh').set(COOKIE_MODE).send({});
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'AUTH_REFRESH_INVALID', detail: expect.stringContaining('session a expiré') });
  });

  it('switch-tenant moves the cookie to the new session', async () => {
    const other = await factory.tenant('GEIQ Voisin');
    const user = await factory.member(tenant, 'COORDINATOR');
    await factory.member(other, 'TUTOR', user);
    const login = await http(app).post('/api/v1/auth/login').set(COOKIE_MODE).send({ email: user.email, password: user.password, tenantSlug: tenant.slug });
    const switched = await http(app).post('/api/v1/auth/switch-tenant').set(COOKIE_MODE).set(bearer(login.body.accessToken)).send({ tenantSlug: other.slug });
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({ tenant: { slug: other.slug }, role: 'TUTOR' });
    expect(switched.body).not.toHaveProperty('refreshToken');
    const cookie = refreshCookie(switched)!.value;
    expect(cookie).not.toBe(refreshCookie(login)!.value);
    const refreshed = await http(app).post('/api/v1/auth/refresh').set(withCookie(cookie)).send({});
    expect(refreshed.body.tenant.slug).toBe(other.slug);
  });

  it('logout revokes the session of the cookie and clears the cookie', async () => {
    const value = refreshCookie(await browserLogin())!.value;
    const response = await http(app).post('/api/v1/auth/logout').set(withCookie(value)).send({});
    expect(response.status).toBe(204);
    const cleared = refreshCookie(response);
    expect(cleared?.value).toBe('');
    expect(cleared?.attributes).toEqual(expect.arrayContaining(['path=/api/v1/auth']));
    expect(cleared?.attributes.some((a) => a === 'max-age=0' || a.startsWith('expires=thu, 01 jan 1970'))).toBe(true);
    expect((await http(app).post('/api/v1/auth/refresh').set(withCookie(value)).send({})).status).toBe(401);
  });
});
