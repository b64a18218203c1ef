import { EnvSchema, type Env } from './config.schema.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * The only reader of process.env. Throws a message naming each bad variable,
 * e.g. `JWT_SECRET: must be at least 32 characters`.
 */
export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  // Empty strings count as unset, as most .env tooling writes them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return toAppConfig(parsed.data);
}

function toAppConfig(env: Env) {
  return {
    env: env.NODE_ENV,
    log: { level: env.LOG_LEVEL },
    http: { host: env.HOST, port: env.PORT, publicUrl: env.PUBLIC_URL.replace(/\/$/, ''), trustProxy: env.TRUST_PROXY, webDistDir: env.WEB_DIST_DIR },
    database: { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE, queryEvents: env.DATABASE_QUERY_EVENTS, preparedStatements: env.DATABASE_PREPARED_STATEMENTS },
    redis: { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX },
    auth: {
      jwtSecret: env.JWT_SECRET,
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      invitationTtlDays: env.INVITATION_TTL_DAYS,
      passwordMinLength: env.PASSWORD_MIN_LENGTH,
      loginThrottle: {
        maxAttemptsPerIp: env.LOGIN_MAX_ATTEMPTS_PER_IP,
        maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
        windowSeconds: env.LOGIN_THROTTLE_WINDOW_SECONDS,
      },
    },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir: env.MAIL_OUTBOX_DIR },
    documents: { dir: env.DOCUMENTS_DIR, maxBytes: env.DOCUMENT_MAX_BYTES },
    worker: {
      healthPort: env.WORKER_HEALTH_PORT,
      concurrency: env.WORKER_CONCURRENCY,
      outboxSweepEveryMs: env.OUTBOX_SWEEP_EVERY_MS,
      reminderSweepEveryMs: env.REMINDER_SWEEP_EVERY_MS,
      reminderStuckAfterSeconds: env.REMINDER_STUCK_AFTER_SECONDS,
      reminderScanEveryMs: env.REMINDER_SCAN_EVERY_MS,
    },
  } as const;
}

export type AppConfig = ReturnType<typeof toAppConfig>;
