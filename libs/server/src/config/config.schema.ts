import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');
const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

/**
 * Every environment variable the API and the worker read, validated once at
 * boot. `.env.example` documents each of them.
 */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(3000),
  /** Where users reach the web app: the base of links in e-mails. */
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  TRUST_PROXY: bool.default(false),
  /** The built web app (index.html and assets/) the API serves at `/`; nothing is served when it has no index.html. */
  WEB_DIST_DIR: z.string().default('apps/web/dist'),

  /** Application role: owns nothing, subject to row-level security. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  DATABASE_POOL_SIZE: positiveInt.default(10),
  /** Emit every SQL statement as an event (Database.onQuery): query-plan checks, debugging. */
  DATABASE_QUERY_EVENTS: bool.default(false),
  /** Name Prisma's statements so each connection parses and plans them once; false behind a pooler that cannot keep them (PgBouncer in transaction mode before 1.21). */
  DATABASE_PREPARED_STATEMENTS: bool.default(true),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
  /** Prefix of every Redis key (queues, rate limits): lets several deployments (or test runs) share one Redis. */
  REDIS_KEY_PREFIX: z.string().regex(/^[a-z0-9_-]+$/i).default('jalon'),

  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  JWT_ISSUER: z.string().default('jalon'),
  JWT_AUDIENCE: z.string().default('jalon-api'),
  ACCESS_TOKEN_TTL_SECONDS: positiveInt.default(900),
  REFRESH_TOKEN_TTL_DAYS: positiveInt.default(30),
  INVITATION_TTL_DAYS: positiveInt.default(7),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).default(12),

  LOGIN_MAX_ATTEMPTS_PER_IP: positiveInt.default(30),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveInt.default(5),
  LOGIN_THROTTLE_WINDOW_SECONDS: positiveInt.default(900),

  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().default('Jalon <ne-pas-repondre@jalon.local>'),
  MAIL_OUTBOX_DIR: z.string().default('.data/outbox'),

  /** Where uploaded documents are stored (local disk). */
  DOCUMENTS_DIR: z.string().default('.data/documents'),
  DOCUMENT_MAX_BYTES: positiveInt.default(20 * 1024 * 1024),

  /** Worker: optional port answering GET /health/live and /health/ready. */
  WORKER_HEALTH_PORT: port.optional(),
  /** Worker: jobs run at once per queue in one worker process. */
  WORKER_CONCURRENCY: positiveInt.default(10),
  /** Worker: how often the outbox sweep re-queues what Redis may have lost. */
  OUTBOX_SWEEP_EVERY_MS: positiveInt.default(60_000),
  /** Worker: how often due reminders are claimed in Postgres and enqueued. */
  REMINDER_SWEEP_EVERY_MS: positiveInt.default(60_000),
  /** Worker: how often absences (silent tutors, inactive pathways) are looked for and the weekly digests planned. */
  REMINDER_SCAN_EVERY_MS: positiveInt.default(3_600_000),
  /** Worker: a reminder QUEUED for longer than this is queued again (its job was lost with Redis). */
  REMINDER_STUCK_AFTER_SECONDS: positiveInt.default(600),
});

export type Env = z.infer<typeof EnvSchema>;
