import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@jalon/server/config';
import { createLogger, PinoNestLogger } from '@jalon/server/logging';
import { WorkerModule } from './worker.module.js';

/** The worker: BullMQ processors and the periodic sweep, no HTTP API. SIGTERM drains the current jobs. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.log.level, 'jalon-worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: new PinoNestLogger(logger), bufferLogs: true });
  app.enableShutdownHooks();
  await app.init();
  logger.info('Jalon worker running');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error && error.name === 'ConfigError' ? error.message : error);
  process.exit(1);
});
