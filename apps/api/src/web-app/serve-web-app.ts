import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Never under the web app: the API, its documentation and the health checks keep their own 404s. */
const NOT_THE_APP = /^\/(api|health)(\/|$)/;

/**
 * What the web app may load, given with its HTML page. Scripts, styles,
 * fonts and API calls come from this origin only; no page may frame it.
 * Styles also allow inline: Mantine sets its theme's CSS variables in a
 * `<style>` element and components in `style` attributes. Images allow
 * `data:` and `blob:` for icons and a document's preview.
 */
export const WEB_APP_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the built web app (Vite's dist/) from the API process:
 * - `/assets/*`: hashed file names, so cached for a year as immutable;
 * - any other GET that accepts HTML: index.html, never cached (it names the
 *   current assets), and the app's router takes over (SPA fallback).
 * Everything else (`/api/*`, a JSON client, a missing asset) falls through to
 * the usual problem+json 404. Does nothing when the app has not been built.
 */
export async function serveWebApp(app: NestFastifyApplication, distDir: string): Promise<boolean> {
  const root = path.resolve(distDir);
  const indexHtml = path.join(root, 'index.html');
  if (!existsSync(indexHtml)) return false;

  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root: path.join(root, 'assets'),
    prefix: '/assets/',
    // @nestjs/swagger registers this plugin too.
    decorateReply: false,
    index: false,
    cacheControl: true,
    maxAge: '365d',
    immutable: true,
  });

  fastify.get('/*', async (request: FastifyRequest, reply: FastifyReply) => {
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (NOT_THE_APP.test(request.url) || !wantsHtml) return reply.callNotFound();
    return reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', WEB_APP_CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .type('text/html; charset=utf-8')
      .send(await readFile(indexHtml));
  });
  return true;
}
