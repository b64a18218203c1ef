/** Loaded by jest's global setup (through tsx) when `npm test` did not prepare the environment itself. */
import { prepareEnvironment } from './environment.js';

export async function prepareTestEnvironment(log: (message: string) => void) {
  return prepareEnvironment(process.env['TEST_DATABASE_NAME'] ?? 'jalon_test', log, { test: true });
}
