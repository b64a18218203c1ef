import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testConfig } from '../../../test/support/config.js';
import { http, startApi } from '../../../test/support/harness.js';

/** Per-IP login throttling, in its own file: it needs its own, stricter API instance. */
describe('login throttling per IP', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await startApi(testConfig({ LOGIN_MAX_ATTEMPTS_PER_IP: '3', LOGIN_MAX_FAILURES_PER_ACCOUNT: '100' }));
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers 429 with Retry-After once an IP has made too many attempts, whatever the accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await http(app).post('/api/v1/auth/login').send({ email: `ip-${i}@test.jalon.fr`, password: 'wrong password here' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const blocked = await http(app).post('/api/v1/auth/login').send({ email: 'ip-x@test.jalon.fr', password: 'wrong password here' });
    expect(blocked.body.code).toBe('AUTH_TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body.detail).toMatch(/Réessayez dans/);
  });
});
