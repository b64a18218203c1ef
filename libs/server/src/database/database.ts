import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { ClsService } from 'nestjs-cls';
import pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { PrismaClient, type Prisma } from './generated/client.js';
import { SET_TENANT_SQL, TenantScopedClient } from './tenant-scoped-client.js';

/** The Prisma client of one unit of work (an interactive transaction). */
export type Tx = Prisma.TransactionClient;

/** A transaction of plain SQL (Database.sqlTransaction): `$1`-style parameters, rows back. */
export interface SqlTx {
  query<R extends object>(text: string, params?: unknown[]): Promise<R[]>;
}

// Symbols, not dotted strings: nestjs-cls reads 'a.b' as a path into nested objects.
const TX = Symbol('db.tx');
const AFTER_COMMIT = Symbol('db.afterCommit');
const TENANT = Symbol('db.tenant');
const AFTER_ROLLBACK = Symbol('db.afterRollback');

export class NoUnitOfWorkError extends Error {
  override name = 'NoUnitOfWorkError';
  constructor() {
    super('Database used outside a unit of work: wrap the call in Database.transaction().');
  }
}

/**
 * One transaction per use case. Row-level security reads the tenant from the
 * transaction-local setting `app.tenant_id`, so every database access happens
 * inside `transaction()`, which sets it first; a pooled connection never
 * carries it into the next request. Repositories reach the transaction
 * through `client`, which throws outside one.
 */
@Injectable()
export class Database implements OnModuleDestroy {
  private readonly logger = new Logger(Database.name);
  private readonly prisma: PrismaClient;
  /** One pool: Prisma's, also lent to sqlTransaction. */
  private readonly pool: pg.Pool;
  /** Whether statements are named (prepared once per connection): DATABASE_PREPARED_STATEMENTS. */
  private readonly namedStatements: boolean;
  /** onQuery's listeners, for the statements of sqlTransaction. */
  private readonly sqlListeners: Array<(query: { sql: string; params: string }) => void> = [];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly cls: ClsService,
  ) {
    this.namedStatements = config.database.preparedStatements;
    // Pipelined: a query is sent without waiting for the one before it to be
    // answered (answers still come in order), so sqlStatement sends its whole
    // transaction at once. Nothing here keeps a portal open (cursors), which
    // pipelining refuses.
    this.pool = new pg.Pool({ connectionString: config.database.url, max: config.database.poolSize, application_name: 'jalon', Client: TenantScopedClient, pipeline: true });
    this.pool.on('error', (error) => this.logger.warn({ err: error }, 'idle database connection lost'));
    this.pool.on('release', (_error: Error | undefined, client: pg.PoolClient) => (client as unknown as TenantScopedClient).forgetHeldBegin());
    const adapter = new PrismaPg(
      this.pool,
      // The adapter's type says string; undefined (no name) is what pg expects for an unnamed statement.
      config.database.preparedStatements ? { statementNameGenerator: preparedStatementName as (query: { sql: string }) => string } : {},
    );
    this.prisma = new PrismaClient({ adapter, ...(config.database.queryEvents ? { log: [{ emit: 'event', level: 'query' }] } : {}) }) as PrismaClient;
  }

  /** With DATABASE_QUERY_EVENTS: `listener` receives every statement and its parameters (JSON), Prisma's and sqlTransaction's. */
  onQuery(listener: (query: { sql: string; params: string }) => void): void {
    (this.prisma as unknown as { $on(event: 'query', cb: (e: { query: string; params: string }) => void): void }).$on('query', (e) => listener({ sql: e.query, params: e.params }));
    this.sqlListeners.push(listener);
  }

  get client(): Tx {
    const tx = this.cls.isActive() ? this.cls.get<Tx | undefined>(TX) : undefined;
    if (!tx) throw new NoUnitOfWorkError();
    return tx;
  }

  get inTransaction(): boolean {
    return this.cls.isActive() && this.cls.get(TX) !== undefined;
  }

  /**
   * Runs `work` in one transaction scoped to `tenantId` (null: no tenant, so
   * every tenant table reads as empty). Nested calls join the outer
   * transaction, which must then be for the same tenant.
   */
  async transaction<T>(tenantId: string | null, work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) {
      if (tenantId !== this.currentTenant()) throw new Error('Nested unit of work for another tenant');
      return work();
    }
    const callbacks: Array<() => unknown> = [];
    const compensations: Array<() => unknown> = [];
    // The unit of work's own context, inheriting the caller's (principal,
    // request id). It is entered explicitly inside Prisma's callback: that
    // callback does not reliably run in the caller's async context.
    const store: Record<string | symbol, unknown> = { ...(this.cls.isActive() ? (this.cls.get() as object) : {}) };
    let result: T;
    try {
      result = await this.prisma.$transaction(
        async (tx) => {
          // With BEGIN, in one round trip (TenantScopedClient).
          if (tenantId) await tx.$queryRawUnsafe(SET_TENANT_SQL, tenantId);
          Object.assign(store, { [TX]: tx, [TENANT]: tenantId, [AFTER_COMMIT]: callbacks, [AFTER_ROLLBACK]: compensations });
          return this.cls.runWith(store as never, work);
        },
        { maxWait: 5_000, timeout: 30_000 },
      );
    } catch (error) {
      await this.runAll(compensations, 'after-rollback callback failed');
      throw error;
    }
    // After-commit work is best effort by design (e.g. enqueueing a job that
    // a sweep will find anyway): it must not fail a committed change.
    await this.runAll(callbacks, 'after-commit callback failed');
    return result;
  }

  /**
   * Runs `work` in one short transaction of plain SQL scoped to `tenantId`, as
   * transaction() does, on the same pool. For the hottest path only (one
   * transaction per e-mail sent): Prisma's interactive transaction costs
   * about 1 ms of CPU by itself, four times the SQL it carries. Not inside a
   * unit of work, and without after-commit callbacks.
   */
  async sqlTransaction<T>(tenantId: string, work: (sql: SqlTx) => Promise<T>): Promise<T> {
    if (this.inTransaction) throw new Error('sqlTransaction() inside a unit of work');
    const { client, release } = await this.checkout();
    let broken = false;
    try {
      await client.query('BEGIN');
      await client.query(SET_TENANT_SQL, [tenantId]);
      const result = await work({
        query: async <R extends object>(text: string, params?: unknown[]) => (await client.query<R>(this.plainStatement(text, params ?? []))).rows,
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw error;
    } finally {
      release(broken);
    }
  }

  /**
   * One statement built with `Prisma.sql`: in the current unit of work when
   * there is one (which must be for `tenantId`), otherwise in a plain
   * transaction of its own (sqlTransaction). Columns come back as pg gives
   * them; a statement meant for both ways returns text, numbers or JSON.
   */
  sqlStatement<R extends object>(tenantId: string, statement: Prisma.Sql): Promise<R[]> {
    if (!this.inTransaction) return this.statementInOneRoundTrip<R>(tenantId, statement.text, statement.values);
    if (tenantId !== this.currentTenant()) throw new Error('Statement for another tenant than the unit of work');
    return this.client.$queryRaw<R[]>(statement);
  }

  /**
   * One statement in a transaction of its own, sent with it as one write:
   * BEGIN with the tenant, the statement, COMMIT, without waiting between
   * them (the pool's connections are pipelined). A read this way costs one
   * round trip instead of three; on these machines each round trip's write
   * and wake-up cost about as much CPU as the statement itself. When the
   * statement fails, PostgreSQL answers the COMMIT by rolling back, so the
   * connection goes back to the pool clean.
   */
  private async statementInOneRoundTrip<R extends object>(tenantId: string, text: string, values: unknown[]): Promise<R[]> {
    const { client, release } = await this.checkout();
    const sent = client.inOneWrite(
      () =>
        [
          client.query('BEGIN'),
          client.query(SET_TENANT_SQL, [tenantId]),
          client.query<R>(this.plainStatement(text, values)),
          client.query('COMMIT'),
        ] as const,
    );
    const steps = await Promise.allSettled(sent);
    // A COMMIT that failed leaves the connection in a state nobody knows: it is closed rather than reused.
    release(steps[3].status === 'rejected');
    const failed = steps.find((step) => step.status === 'rejected');
    if (failed) throw failed.reason;
    return (steps[2] as PromiseFulfilledResult<pg.QueryResult<R>>).value.rows;
  }

  /** A statement of plain SQL as it is sent: heard by onQuery's listeners, and named as Prisma's are (parsed and planned once per connection). */
  private plainStatement(text: string, values: unknown[]): pg.QueryConfig {
    this.sqlListeners.forEach((listener) => listener({ sql: text, params: JSON.stringify(values) }));
    return { name: this.namedStatements ? preparedStatementName({ sql: text }) : undefined, text, values };
  }

  /**
   * A connection of the pool, for plain SQL. Out of the pool, nothing of the
   * pool's listens to its errors, and a connection lost then would be an
   * 'error' event nobody handles, which ends the process: its queries in
   * flight fail on their own, the error is only logged here.
   */
  private async checkout(): Promise<{ client: pg.PoolClient & TenantScopedClient; release: (destroy: boolean) => void }> {
    const client = (await this.pool.connect()) as pg.PoolClient & TenantScopedClient;
    const lost = (error: Error) => this.logger.warn({ err: error }, 'database connection lost during a statement');
    client.on('error', lost);
    return {
      client,
      release: (destroy) => {
        client.off('error', lost);
        client.release(destroy);
      },
    };
  }

  private async runAll(callbacks: Array<() => unknown>, failure: string): Promise<void> {
    for (const callback of callbacks) {
      try {
        await callback();
      } catch (error) {
        this.logger.warn({ err: error }, failure);
      }
    }
  }

  /**
   * Inside a transaction without tenant (the platform administrator creating a
   * tenant), acts as `tenantId` from now on, until the transaction ends.
   */
  async enterTenant(tenantId: string): Promise<void> {
    await this.client.$queryRawUnsafe(SET_TENANT_SQL, tenantId);
    this.cls.set(TENANT, tenantId);
  }

  /** Runs `callback` once the current transaction has committed (never if it rolls back). */
  afterCommit(callback: () => unknown): void {
    const callbacks = this.cls.isActive() ? this.cls.get<Array<() => unknown> | undefined>(AFTER_COMMIT) : undefined;
    if (!callbacks) throw new NoUnitOfWorkError();
    callbacks.push(callback);
  }

  /** Undoes work outside the database (a stored file) if the current transaction rolls back. */
  afterRollback(callback: () => unknown): void {
    const callbacks = this.cls.isActive() ? this.cls.get<Array<() => unknown> | undefined>(AFTER_ROLLBACK) : undefined;
    if (!callbacks) throw new NoUnitOfWorkError();
    callbacks.push(callback);
  }

  /** Readiness probe; outside any tenant. */
  async ping(): Promise<void> {
    await this.prisma.$queryRaw`SELECT 1`;
  }

  async onModuleDestroy(): Promise<void> {
    await this.prisma.$disconnect();
    await this.pool.end();
  }

  /** The tenant the current transaction is scoped to (null: none). */
  currentTenant(): string | null {
    return (this.cls.isActive() && this.cls.get<string | null>(TENANT)) || null;
  }
}

const statementNames = new Map<string, string>();
/** Distinct statements a connection keeps prepared; later ones run unnamed (parsed each time). */
const MAX_PREPARED_STATEMENTS = 500;

/**
 * Names the statements Prisma sends, so each pooled connection parses and
 * plans a statement once and then only binds and executes it: most requests
 * repeat the same few statements. Statements whose text varies (IN lists of
 * varying length) stop being named once MAX_PREPARED_STATEMENTS are known.
 */
function preparedStatementName(query: { sql: string }): string | undefined {
  let name = statementNames.get(query.sql);
  if (name === undefined) {
    if (statementNames.size >= MAX_PREPARED_STATEMENTS) return undefined;
    name = `jalon_${createHash('sha1').update(query.sql).digest('hex').slice(0, 20)}`;
    statementNames.set(query.sql, name);
  }
  return name;
}

/** A unique constraint refused the write (Prisma P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/**
 * A page of rows and their total. One after the other, never in parallel:
 * the queries of a unit of work share one connection, which runs one query
 * at a time.
 */
export async function pageWithTotal<T>(items: () => Promise<T[]>, total: () => Promise<number>): Promise<{ items: T[]; total: number }> {
  return { items: await items(), total: await total() };
}
