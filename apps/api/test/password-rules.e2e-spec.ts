import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testConfig } from '../../../test/support/config.js';
import { http, startApi } from '../../../test/support/harness.js';

/** The rules a new password must follow, for the page where one is chosen: those configured, not a fixed length. */
describe('password rules', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await startApi(testConfig({ PASSWORD_MIN_LENGTH: '16' }));
  });

  afterAll(async () => {
    await app.close();
  });

  it('tells anyone, without a session, the length in force', async () => {
    const response = await http(app).get('/api/v1/auth/password-rules');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ minLength: 16 });
  });
});
