/**
 * Prints the API's OpenAPI document (JSON) on stdout, without a database or
 * Redis: the application is built but never listens nor connects.
 * `node apps/api/dist/export-openapi.js` (used by scripts/web-client.ts).
 */
import 'reflect-metadata';
import { loadConfig } from '@jalon/server/config';
import { createApp } from './create-app.js';
import { buildOpenApiDocument } from './openapi.js';

const OFFLINE = {
  DATABASE_URL: 'postgresql://offline@127.0.0.1:9/offline',
  REDIS_URL: 'redis://127.0.0.1:9',
  JWT_SECRET: 'only-used-to-describe-the-api-never-to-sign',
  LOG_LEVEL: 'silent',
};

const app = await createApp(loadConfig(OFFLINE));
process.stdout.write(`${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
await app.close();
