import { Pool } from 'pg';
import { requiredEnv } from './config.js';

/**
 * Direct connections for tests: `owner` (bypasses row-level security) to
 * arrange data and check what really is in the tables; `app` (the
 * application's role) to prove what row-level security lets through.
 */
export function openPools(): { owner: Pool; app: Pool; close(): Promise<void> } {
  const owner = new Pool({ connectionString: requiredEnv('TEST_DATABASE_OWNER_URL'), max: 3 });
  const app = new Pool({ connectionString: requiredEnv('TEST_DATABASE_URL'), max: 3 });
  return { owner, app, close: async () => void (await Promise.all([owner.end(), app.end()])) };
}
