import { loadConfig } from './load-config.js';

const valid = { DATABASE_URL: 'postgresql://app@localhost/jalon', REDIS_URL: 'redis://localhost:6379', JWT_SECRET: 'x'.repeat(32) };

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig(valid);
    expect(config.http.port).toBe(3000);
    expect(config.auth.accessTokenTtlSeconds).toBe(900);
    expect(config.mail.smtpUrl).toBeUndefined();
  });

  it('names each bad variable', () => {
    const attempt = () => loadConfig({ ...valid, JWT_SECRET: 'short', PORT: 'abc' });
    expect(attempt).toThrow(/JWT_SECRET: must be at least 32 characters/);
    expect(attempt).toThrow(/PORT: /);
    expect(() => loadConfig({ REDIS_URL: valid.REDIS_URL, JWT_SECRET: valid.JWT_SECRET })).toThrow(/DATABASE_URL/);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ ...valid, SMTP_URL: '' }).mail.smtpUrl).toBeUndefined();
  });
});
