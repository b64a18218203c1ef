import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testConfig } from '../../../test/support/config.js';
import { http, startApi } from '../../../test/support/harness.js';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const INDEX = '<!doctype html><html lang="fr"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';

describe('the web app served by the API', () => {
  let dist: string;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'jalon-web-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), INDEX);
    writeFileSync(path.join(dist, 'assets', 'index-Ab12Cd34.js'), 'console.log("Jalon");');
    app = await startApi(testConfig({ WEB_DIST_DIR: dist }));
  });

  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it.each(['/', '/connexion', '/parcours/8d4f3a52-52c5-4b53-9d53-0f0f0f0f0f0f', '/tableau-de-bord?promotion=x'])('answers index.html, never cached, to a browser asking for %s', async (url) => {
    const response = await http(app).get(url).set('accept', HTML);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text).toBe(INDEX);
  });

  it('gives the page a content security policy: scripts from this origin only, never framed', async () => {
    const response = await http(app).get('/tableau-de-bord').set('accept', HTML);
    const directives = Object.fromEntries(
      String(response.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const response = await http(app).get('/assets/index-Ab12Cd34.js');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.text).toBe('console.log("Jalon");');
  });

  it.each([
    ['a missing asset', '/assets/index-Gone0000.js', HTML],
    ['an unknown API route, even from a browser', '/api/v1/nothing-here', HTML],
    ['the API root', '/api', HTML],
    ['a page asked for by a client that does not accept HTML', '/connexion', 'application/json'],
  ])('keeps the problem+json 404 for %s', async (_what, url, accept) => {
    const response = await http(app).get(url).set('accept', accept);
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('leaves the API and its documentation alone', async () => {
    expect((await http(app).get('/api/v1/auth/me').set('accept', HTML)).status).toBe(401);
    expect((await http(app).get('/api/docs-json')).body.info.title).toBe('Jalon API');
    expect((await http(app).post('/connexion').set('accept', HTML)).status).toBe(404);
  });

  it('serves nothing at / when the app is not built', async () => {
    const bare = await startApi(testConfig({ WEB_DIST_DIR: path.join(dist, 'not-built') }));
    try {
      const response = await http(bare).get('/').set('accept', HTML);
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('ROUTE_NOT_FOUND');
    } finally {
      await bare.close();
    }
  });
});
