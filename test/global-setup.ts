import path from 'node:path';

/**
 * The API tests run against real Postgres and Redis. `npm test` prepares them
 * and passes their URLs as TEST_* variables; when jest is run directly, this
 * finds or starts them the same way and migrates the `jalon_test` database.
 * The scripts are ESM (and load Prisma's WebAssembly engine), so they are
 * loaded through tsx, outside jest's CommonJS module registry.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env['TEST_DATABASE_URL'] && process.env['TEST_DATABASE_OWNER_URL'] && process.env['TEST_REDIS_URL']) return;
  const nativeImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ tsImport: (file: string, parent: string) => Promise<unknown> }>;
  const { tsImport } = await nativeImport('tsx/esm/api');
  const { prepareTestEnvironment } = (await tsImport(path.resolve(__dirname, '../scripts/lib/test-environment.ts'), __filename)) as typeof import('../scripts/lib/test-environment.js');
  const environment = await prepareTestEnvironment((message) => process.env['DEBUG_TEST_SETUP'] && console.log(`[test setup] ${message}`));
  process.env['TEST_DATABASE_OWNER_URL'] = environment.ownerUrl;
  process.env['TEST_DATABASE_URL'] = environment.appUrl;
  process.env['TEST_REDIS_URL'] = environment.redisUrl;
  (globalThis as { __jalonEnvironment?: { stop(): Promise<void> } }).__jalonEnvironment = environment;
}
