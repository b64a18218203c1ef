import 'reflect-metadata';
import { loadConfig } from '@jalon/server/config';
import { createApp } from './create-app.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen({ host: config.http.host, port: config.http.port });
  app.getHttpAdapter().getInstance().log.info({ url: await app.getUrl() }, 'Jalon API listening');
}

main().catch((error: unknown) => {
  // Configuration errors name the variable: print them plainly.
  console.error(error instanceof Error && error.name === 'ConfigError' ? error.message : error);
  process.exit(1);
});
