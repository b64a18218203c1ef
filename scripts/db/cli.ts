/**
 * Database migrations without the Prisma CLI's native engine (see migrate.ts).
 *
 *   tsx scripts/db/cli.ts migrate        apply pending migrations (prisma migrate deploy)
 *   tsx scripts/db/cli.ts create NAME    write prisma/migrations/<timestamp>_NAME/migration.sql
 *   tsx scripts/db/cli.ts drift          exit 1 if schema.prisma has changes no migration captures
 *   tsx scripts/db/cli.ts resolve NAME   mark a failed migration rolled back (prisma migrate resolve --rolled-back)
 *   tsx scripts/db/cli.ts setup          create database + roles, then migrate (see setup.ts)
 *
 * Environment: DATABASE_OWNER_URL (default postgresql://postgres@127.0.0.1:5432/jalon),
 * a role allowed to run DDL and CREATE DATABASE (shadow database for create/drift);
 * `setup` also reads DATABASE_URL (the application's login role).
 */
import { lastEnginePanic } from './engine.js';
import { checkDrift, createMigration, markMigrationRolledBack, migrateDeploy, type MigrateOptions } from './migrate.js';
import { redactUrl } from './pg-adapter.js';
// setup hook: database + roles bootstrap, then migrate (see the `setup` case below)
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_OWNER_URL, DEFAULT_SCHEMA_PATH, setupDatabase } from './setup.js';

const USAGE = 'usage: tsx scripts/db/cli.ts migrate | create NAME | drift | resolve NAME | setup';

const info = (msg: string): void => console.log(`[db] ${msg}`);

function fail(message: string, exitCode = 1): never {
  console.error(`[db] error: ${message}`);
  process.exit(exitCode);
}

// An engine panic is thrown from a wasm callback, outside any promise chain.
process.on('uncaughtException', (error) => {
  const panic = lastEnginePanic();
  fail(panic ? `schema engine panicked: ${panic}` : (error.stack ?? String(error)));
});

async function main(argv: string[]): Promise<void> {
  const [command, arg, ...extra] = argv;
  const needsName = command === 'create' || command === 'resolve';
  if (extra.length > 0 || (needsName ? !arg : arg !== undefined)) fail(USAGE, 2);

  const opts: MigrateOptions = {
    ownerUrl: process.env['DATABASE_OWNER_URL'] || DEFAULT_OWNER_URL,
    schemaPath: DEFAULT_SCHEMA_PATH,
    migrationsDir: DEFAULT_MIGRATIONS_DIR,
    log: info,
  };

  switch (command) {
    case 'migrate': {
      info(`applying migrations to ${redactUrl(opts.ownerUrl)}`);
      const { applied } = await migrateDeploy(opts);
      info(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migration');
      return;
    }
    case 'create': {
      const folder = await createMigration({ ...opts, name: arg! });
      info(folder ? `created ${folder}/migration.sql (review it, then run migrate)` : 'schema.prisma matches the migrations: nothing to create');
      return;
    }
    case 'drift': {
      const { drift, sql } = await checkDrift(opts);
      if (drift) {
        console.error(sql);
        fail('schema.prisma has changes that no migration captures (SQL above). Run: npm run db:migration -- <name>');
      }
      info('no drift: the migrations match schema.prisma');
      return;
    }
    case 'resolve': {
      await markMigrationRolledBack({ ...opts, name: arg! });
      info(`${arg} marked as rolled back; fix it and run migrate again`);
      return;
    }
    // --- setup hook: see setup.ts (database, roles, then migrate) ---
    case 'setup': {
      const { applied } = await setupDatabase({ log: info });
      info(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migration');
      return;
    }
    default:
      fail(USAGE, 2);
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const hint = /^Database `.*` does not exist/m.test(message) ? '\n(create it with: npm run db:setup)' : '';
  fail(message.trimEnd() + hint);
}
