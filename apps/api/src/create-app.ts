import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { LogController } from 'fastify';
import { loadConfig, type AppConfig } from '@jalon/server/config';
import { createLogger, PinoNestLogger } from '@jalon/server/logging';
import { AppModule } from './app.module.js';
import { serializeReply } from './http/json-text.js';
import { buildOpenApiDocument } from './openapi.js';
import { serveWebApp } from './web-app/serve-web-app.js';
import { RequestContext, type Principal } from '@jalon/server/context';

const REQUEST_ID = /^[\w.-]{1,64}$/;

/** Builds the HTTP application (used by main.ts and the API tests alike). */
export async function createApp(config: AppConfig = loadConfig()): Promise<NestFastifyApplication> {
  const logger = createLogger(config.log.level, 'jalon-api', RequestContext.logFields);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Our own onResponse hook logs one line per request, with tenant and user.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1_048_576,
    trustProxy: config.http.trustProxy,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const header = req.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
    bufferLogs: true,
  });
  app.setGlobalPrefix('api/v1', { exclude: [{ path: 'health/*path', method: RequestMethod.GET }] });
  app.enableShutdownHooks();

  // Document uploads; one byte over the limit lets the storage report DOCUMENT_TOO_LARGE itself.
  // The browser's refresh token (auth/session-cookie.ts).
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.documents.maxBytes + 1, files: 1, fields: 5, fieldSize: 1_000 } });

  const fastify = app.getHttpAdapter().getInstance();
  // Answers already written as JSON (JsonText) go out as they are.
  fastify.setReplySerializer(serializeReply);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  // One line per request, with who and which tenant; never bodies or headers.
  fastify.addHook('onResponse', async (request, reply) => {
    const principal = (request as unknown as { user?: Principal }).user;
    request.log.info(
      {
        method: request.method,
        url: request.url.split('?')[0],
        statusCode: reply.statusCode,
        responseTimeMs: Math.round(reply.elapsedTime),
        tenantId: principal?.tenantId ?? undefined,
        userId: principal?.userId ?? undefined,
      },
      'request completed',
    );
  });
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  if (!(await serveWebApp(app, config.http.webDistDir))) logger.info({ dir: config.http.webDistDir }, 'web app not built: only the API is served');
  return app;
}
