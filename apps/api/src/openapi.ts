import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { CONTRACT_TYPE_EXTENSION, RETURNS_EXTENSION } from './http/returns.decorator.js';

/** The API's OpenAPI document, served at /api/docs-json and exported for the web client. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Jalon API')
      .setDescription('Suivi des parcours VAE inversée des GEIQ. Erreurs : application/problem+json avec un `code` stable.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  describeAnswers(document);
  return document;
}

type Operation = Record<string, unknown> & { responses?: Record<string, { description?: string; content?: unknown }> };

/** Moves each route's @Returns type onto its success answer, where clients look for it. */
function describeAnswers(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Operation[]) {
      const type = operation?.[RETURNS_EXTENSION];
      if (typeof type !== 'string') continue;
      delete operation[RETURNS_EXTENSION];
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^2\d\d$/.test(status) || status === '204') continue;
        response.description ||= type;
        response.content = { 'application/json': { schema: { type: type.endsWith('[]') ? 'array' : 'object', [CONTRACT_TYPE_EXTENSION]: type } } };
      }
    }
  }
}
