/**
 * Driver adapter handed to Prisma's WebAssembly schema engine.
 *
 * It is `@prisma/adapter-pg` (the adapter the application itself uses) with three
 * corrections that only matter for migrations:
 *
 * 1. `executeScript` — adapter-pg 7.10 splits the script on every `;` (inside
 *    comments, string literals and `$$` function bodies too) and runs the pieces one by
 *    one, outside any transaction. We send the whole migration file as ONE
 *    simple-protocol query instead: Postgres parses it itself and runs a multi-statement
 *    string as a single implicit transaction, so a failing migration leaves nothing
 *    half-applied. This is also what Prisma's native schema engine does.
 * 2. Postgres' internal `"char"` type (OID 18, used by pg_catalog columns such as
 *    `pg_constraint.contype`) is rejected by adapter-pg's column-type mapping, which
 *    breaks introspection (diffing a migrated/live database). Such columns are
 *    reported to the engine as `Character` (their values are one-letter strings).
 * 3. The shadow database is created next to the target one as
 *    `<db>_shadow_<random>` and dropped on dispose *after* its pool is closed
 *    (adapter-pg drops it while its own connections are still open).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from '@prisma/driver-adapter-utils';

const CHAR_OID = 18;
const TEXT_OID = 25;
/** Indices of the `"char"` columns of a result, attached to its `rows` array. */
const CHAR_COLUMNS = Symbol('charColumns');
type TaggedRows = unknown[] & { [CHAR_COLUMNS]?: number[] };

/**
 * Called on every pg result (or array of results, for a multi-statement query).
 * adapter-pg throws on OID 18, so it is relabelled `text` for adapter-pg; the column
 * positions are remembered on the `rows` array, which adapter-pg passes through
 * untouched, so {@link restoreCharColumns} can then report them as `Character`: the
 * engine's introspection reads them with `as_char()`, which fails on a Text value.
 */
function relabelCharColumns(result: unknown): unknown {
  for (const r of Array.isArray(result) ? (result as unknown[]) : [result]) {
    const { fields, rows } = (r ?? {}) as Partial<pg.QueryResult>;
    if (!Array.isArray(fields) || !Array.isArray(rows)) continue;
    const charColumns: number[] = [];
    fields.forEach((field, i) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        charColumns.push(i);
      }
    });
    if (charColumns.length > 0) {
      Object.defineProperty(rows, CHAR_COLUMNS, { value: charColumns, enumerable: false });
    }
  }
  return result;
}

function restoreCharColumns(result: SqlResultSet): SqlResultSet {
  for (const i of (result.rows as TaggedRows)[CHAR_COLUMNS] ?? []) {
    result.columnTypes[i] = ColumnTypeEnum.Character;
  }
  return result;
}

/**
 * Makes every query of `client` go through {@link relabelCharColumns}. Installed on
 * each pooled connection as it opens (pool 'connect' event, emitted before the client
 * is handed out), so it covers plain queries and transactions alike.
 */
function relabelCharColumnsOf(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  // pg's query() has a dozen overloads (promise, callback, Submittable): keep the
  // arguments untouched and only post-process whatever result comes back.
  client.query = ((...args: unknown[]) => {
    const last = args.at(-1);
    if (typeof last === 'function') {
      const callback = last as (err: unknown, res: unknown) => void;
      return query(...args.slice(0, -1), (err: unknown, res: unknown) => callback(err, err ? res : relabelCharColumns(res)));
    }
    const ret = query(...args);
    return ret instanceof Promise ? ret.then(relabelCharColumns) : ret; // else a Submittable: not used by the engine
  }) as typeof client.query;
}

/** Same shape as adapter-pg's own error mapping for plain Postgres errors. */
function toAdapterError(error: unknown): unknown {
  const e = error as Partial<pg.DatabaseError> | null;
  if (e && typeof e.code === 'string' && typeof e.severity === 'string' && typeof e.message === 'string') {
    return new DriverAdapterError({
      kind: 'postgres',
      code: e.code,
      severity: e.severity,
      message: e.position ? `${e.message} (position ${e.position})` : e.message,
      detail: e.detail,
      column: e.column,
      hint: e.hint,
    });
  }
  return error;
}

/** Database every Postgres server has; used for server-level work (CREATE DATABASE, locks). */
export const MAINTENANCE_DB = 'postgres';

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** One line with everything Postgres said about a failed statement. */
function describePgError(error: unknown): string {
  const e = (error ?? {}) as Partial<pg.DatabaseError>;
  return [
    `${e.severity ?? 'ERROR'} ${e.code ?? ''}: ${e.message ?? String(error)}`,
    e.position ? `position ${e.position}` : '',
    e.detail ? `detail: ${e.detail}` : '',
    e.hint ? `hint: ${e.hint}` : '',
    e.where ? `where: ${e.where}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** Database name of a connection string (the path of the URL). */
export function databaseName(connectionString: string): string {
  const name = decodeURIComponent(new URL(connectionString).pathname.replace(/^\//, ''));
  if (!name) throw new Error(`No database name in connection string ${redactUrl(connectionString)}`);
  return name;
}

export function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

export function redactUrl(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '<invalid connection string>';
  }
}

/** Runs `sql` (simple protocol) on a short-lived dedicated connection. */
async function runOnce(connectionString: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export class MigrationPgAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName = '@prisma/adapter-pg';
  /**
   * Postgres' own report of the last failed migration script. The engine rewords some
   * errors (42P01 becomes "No such table: x") and drops SQLSTATE/hint, so
   * withSchemaEngine appends this to the error it throws.
   */
  lastScriptError: string | undefined;
  /** Adapters handed out and not disposed yet; see {@link close}. */
  private readonly live = new Set<SqlDriverAdapter>();

  /**
   * @param connectionString database the engine works on (and the server where shadow
   *   databases are created)
   * @param shadowPrefix shadow databases are named `<shadowPrefix>_shadow_<random>`;
   *   defaults to the name of the database of `connectionString`
   */
  constructor(
    private readonly connectionString: string,
    private readonly log: (msg: string) => void = () => {},
    private readonly shadowPrefix: string = databaseName(connectionString),
  ) {}

  connect(): Promise<SqlDriverAdapter> {
    return this.open(this.connectionString);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadowName = `${this.shadowPrefix}_shadow_${randomBytes(6).toString('hex')}`;
    try {
      await runOnce(this.connectionString, `CREATE DATABASE ${quoteIdent(shadowName)}`);
    } catch (error) {
      throw toAdapterError(error);
    }
    this.log(`created shadow database ${shadowName}`);
    return this.open(withDatabase(this.connectionString, shadowName), async () => {
      // WITH (FORCE) (PG 13+) so a connection the pool has not fully closed yet cannot
      // leave the shadow database behind.
      await runOnce(this.connectionString, `DROP DATABASE IF EXISTS ${quoteIdent(shadowName)} WITH (FORCE)`);
      this.log(`dropped shadow database ${shadowName}`);
    });
  }

  /**
   * Disposes every adapter the engine did not dispose itself (freeing the wasm engine
   * does not close its connections, and idle pg pools would keep the process alive;
   * a leftover shadow database is dropped here too).
   */
  async close(): Promise<void> {
    const errors: unknown[] = [];
    for (const adapter of [...this.live]) {
      await adapter.dispose().catch((error: unknown) => errors.push(error));
    }
    if (errors.length > 0) throw errors[0];
  }

  private async open(connectionString: string, afterDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
    const pool = new pg.Pool({ connectionString });
    pool.on('connect', relabelCharColumnsOf);
    pool.on('error', (err) => this.log(`idle connection error: ${err.message}`));
    const inner = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
    const adapter: SqlDriverAdapter = {
      provider: inner.provider,
      adapterName: inner.adapterName,
      queryRaw: async (query: SqlQuery) => restoreCharColumns(await inner.queryRaw(query)),
      executeRaw: (query: SqlQuery) => inner.executeRaw(query),
      async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
        const tx = await inner.startTransaction(isolationLevel);
        const txQueryRaw = tx.queryRaw.bind(tx);
        tx.queryRaw = async (query: SqlQuery) => restoreCharColumns(await txQueryRaw(query));
        return tx;
      },
      getConnectionInfo: () => inner.getConnectionInfo(),
      executeScript: async (script: string): Promise<void> => {
        // No parameters => pg uses the simple query protocol => the whole file is sent
        // as is and runs atomically (implicit transaction around all its statements).
        try {
          await pool.query(script);
        } catch (error) {
          this.lastScriptError = describePgError(error);
          throw toAdapterError(error);
        }
      },
      dispose: async (): Promise<void> => {
        if (!this.live.delete(adapter)) return; // already disposed
        try {
          await inner.dispose(); // ends the pool (disposeExternalPool)
        } finally {
          await afterDispose?.();
        }
      },
    };
    this.live.add(adapter);
    return adapter;
  }
}
