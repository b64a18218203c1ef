import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@jalon/server/config';
import { RequestContext } from '@jalon/server/context';
import { createLogger, PinoNestLogger } from '@jalon/server/logging';
import { WorkerModule } from './worker.module.js';

/** The worker: BullMQ processors and the periodic sweep, no HTTP API. SIGTERM drains the current jobs. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.log.level, 'jalon-worker', RequestContext.logFields);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: new PinoNestLogger(logger), bufferLogs: true });
  await app.init();
  app.flushLogs();
  logger.info('Jalon worker running');
  // SIGTERM (orchestrators) or Ctrl-C: stop taking jobs, finish the current ones, exit.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'worker stopping');
      app.close().then(
        () => {
          logger.info('worker stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'worker did not stop cleanly');
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error && error.name === 'ConfigError' ? error.message : error);
  process.exit(1);
});
