import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory } from '../../../test/support/factories.js';
import { bearer, http, login, startApi } from '../../../test/support/harness.js';

/** What any client meets: problem+json errors, never a 5xx for bad input, health, docs. */
describe('HTTP behaviour', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let app: NestFastifyApplication;
  let token: string;

  beforeAll(async () => {
    app = await startApi(testConfig());
    const tenant = await factory.tenant();
    const admin = await factory.member(tenant, 'TENANT_ADMIN');
    token = (await login(app, admin.email, admin.password)).accessToken;
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  const expectProblem = (response: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, code, type: expect.stringContaining('urn:jalon:problem:'), title: expect.any(String), detail: expect.any(String) });
  };

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await http(app).post('/api/v1/invitations').set(bearer(token)).set('content-type', 'application/json').send('{"email": "a@b.fr",');
    expectProblem(response, 400, 'MALFORMED_JSON');
  });

  it('answers an empty JSON body with 400', async () => {
    const response = await http(app).post('/api/v1/auth/refresh').set('content-type', 'application/json').send('');
    expect(response.status).toBe(400);
  });

  it('answers wrong types and unknown fields with 400 VALIDATION_FAILED naming the fields, in French', async () => {
    const response = await http(app).post('/api/v1/invitations').set(bearer(token)).send({ email: 42, role: 'TUTOR', couleur: 'bleu' });
    expectProblem(response, 400, 'VALIDATION_FAILED');
    const errors = response.body.errors as { path: string; message: string }[];
    expect(errors.find((e) => e.path === 'email')?.message).toMatch(/Type invalide/);
    expect(errors.some((e) => e.message.includes('couleur'))).toBe(true);
  });

  it('answers a body over 1 MB with 413, never a 5xx', async () => {
    const response = await http(app)
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.fr', password: 'x'.repeat(1_100_000) }));
    expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers another content type with 415', async () => {
    const response = await http(app).post('/api/v1/auth/login').set('content-type', 'application/xml').send('<login/>');
    expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND', async () => {
    expectProblem(await http(app).get('/api/v1/nothing-here'), 404, 'ROUTE_NOT_FOUND');
  });

  it('answers a malformed id with 400, not 500', async () => {
    expectProblem(await http(app).delete('/api/v1/invitations/not-a-uuid').set(bearer(token)), 400, 'VALIDATION_FAILED');
  });

  it('returns the request id, and reuses a valid one given by the client', async () => {
    const response = await http(app).get('/health/live').set('x-request-id', 'abc-123');
    expect(response.headers['x-request-id']).toBe('abc-123');
    const generated = await http(app).get('/health/live').set('x-request-id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports liveness and readiness of Postgres and Redis', async () => {
    expect((await http(app).get('/health/live')).body).toEqual({ status: 'up' });
    const ready = await http(app).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'up', checks: { postgres: 'up', redis: 'up' } });
  });

  it('reports not ready when Redis is unreachable', async () => {
    const broken = await startApi(testConfig({ REDIS_URL: 'redis://127.0.0.1:1' }));
    try {
      const ready = await http(broken).get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.checks).toEqual({ postgres: 'up', redis: 'down' });
    } finally {
      await broken.close();
    }
  });

  it('answers an unexpected failure with a 500 that shows no internals', async () => {
    // A database that does not answer: the error is Prisma's, the answer is ours.
    const broken = await startApi(testConfig({ DATABASE_URL: 'postgresql://jalon_app@127.0.0.1:1/jalon_test' }));
    try {
      const response = await http(broken).post('/api/v1/auth/login').send({ email: 'a@b.fr', password: 'whatever password' });
      expectProblem(response, 500, 'INTERNAL_ERROR');
      expect(response.text).not.toMatch(/prisma|ECONNREFUSED|127\.0\.0\.1|\bat \w+ \(|SELECT/i);
    } finally {
      await broken.close();
    }
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await http(app).get('/api/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/invitations', '/api/v1/platform/tenants']));
    const login = json.body.paths['/api/v1/auth/login'].post;
    expect(JSON.stringify(login.requestBody)).toContain('email');
    const ui = await http(app).get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });
});
