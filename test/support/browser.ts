/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AppConfig } from '@jalon/server/config';
import { testConfig } from './config.js';
import { openPools } from './db.js';
import { Factory } from './factories.js';
import { startApi, startWorker } from './harness.js';

const REPO_ROOT = path.resolve(__dirname, '../..');
export const WEB_DIST = path.join(REPO_ROOT, 'apps/web/dist');
/** `npm test` writes them under .data/; `npm run test:screenshots` refreshes the README's, under docs/. */
const SCREENSHOTS_DIR = process.env['SCREENSHOTS_DIR'] ?? path.join(REPO_ROOT, '.data/screenshots');
/** What the pages of a failed test showed (reportFailure). */
const FAILURES_DIR = path.join(REPO_ROOT, '.data/failed-browser-tests');

/** Flags for Debian's Chromium in a container with no network but loopback. */
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--lang=fr-FR'];

export interface WebStack {
  config: AppConfig;
  api: NestFastifyApplication;
  worker: INestApplicationContext;
  /** http://localhost:PORT: a secure context, so the Secure refresh cookie is kept over plain HTTP. */
  url: string;
  close(): Promise<void>;
}

/** The real API serving the built web app on a free port, and a worker, on the test database. */
export async function startWebStack(overrides: Record<string, string> = {}): Promise<WebStack> {
  const config = testConfig({ WEB_DIST_DIR: WEB_DIST, ...overrides });
  const api = await startApi(config);
  await api.listen({ host: '127.0.0.1', port: 0 });
  const worker = await startWorker(config);
  const { port } = api.getHttpServer().address() as AddressInfo;
  return {
    config,
    api,
    worker,
    url: `http://localhost:${port}`,
    close: async () => {
      await worker.close();
      await api.close();
    },
  };
}

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Debian's Chromium (scripts/lib/chromium.ts installs it); playwright-core gives each launch a fresh, empty profile. */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    // On Linux, Chromium takes its language from the environment, not --lang: French date fields (jj/mm/aaaa) need both.
    env: { ...process.env, LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr' },
  });
  return { browser, close: () => browser.close() };
}

export interface BrowserSuite {
  pools: ReturnType<typeof openPools>;
  factory: Factory;
  /** Set once the file's beforeAll has run. */
  stack: WebStack;
  browser: Browser;
}

/**
 * For a browser test file: the web stack and Chromium start before its tests
 * (in parallel) and stop after them; the factory writes the file's own data.
 */
export function browserSuite(overrides: Record<string, string> = {}): BrowserSuite {
  const pools = openPools();
  const suite = { pools, factory: new Factory(pools.owner) } as BrowserSuite;
  let chromium: TestBrowser | undefined;
  beforeAll(async () => {
    const [stack, launched] = await Promise.allSettled([startWebStack(overrides), launchBrowser()]);
    // What started is stopped after the file even when the other failed: a missing Chromium must not leave the API running (and jest waiting).
    if (stack.status === 'fulfilled') suite.stack = stack.value;
    if (launched.status === 'fulfilled') [chromium, suite.browser] = [launched.value, launched.value.browser];
    for (const started of [stack, launched]) if (started.status === 'rejected') throw started.reason;
  });
  afterEach(async () => {
    const failed = (globalThis as { __failedBrowserTest?: string }).__failedBrowserTest;
    for (const [context, responses] of openContexts) {
      if (failed) await reportFailure(failed, context, responses);
      await context.close();
    }
  });
  afterAll(async () => {
    await chromium?.close();
    await suite.stack?.close();
    await pools.close();
    expect(contentSecurityViolations).toEqual([]);
  });
  return suite;
}

export const DESKTOP = { viewport: { width: 1280, height: 860 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' };
export const PHONE = { viewport: { width: 360, height: 740 }, locale: 'fr-FR', timezoneId: 'Europe/Paris', isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** What Chromium refused under the page's Content-Security-Policy, in this test file; `browserSuite` expects none. */
const contentSecurityViolations: string[] = [];

/** The contexts a test opened and has not closed, each with its last API answers. */
const openContexts = new Map<BrowserContext, string[]>();

export async function newContext(browser: Browser, stack: WebStack, options = DESKTOP): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, baseURL: stack.url });
  const responses: string[] = [];
  openContexts.set(context, responses);
  context.on('close', () => openContexts.delete(context));
  context.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) contentSecurityViolations.push(message.text());
  });
  context.on('response', (response) => {
    const { pathname, search } = new URL(response.url());
    if (!pathname.startsWith('/api/')) return;
    responses.push(`${response.status()} ${response.request().method()} ${pathname}${search}`);
    if (responses.length > 20) responses.shift();
  });
  return context;
}

/**
 * What each page of a failed test showed when it failed: its address, its
 * text and the last API answers in the log, and a screenshot in FAILURES_DIR.
 */
async function reportFailure(test: string, context: BrowserContext, responses: string[]): Promise<void> {
  for (const [index, page] of context.pages().entries()) {
    const name = `${test.replace(/[^\p{L}\d]+/gu, '-').slice(0, 80)}-${index + 1}`;
    const file = path.join(FAILURES_DIR, `${name}.png`);
    mkdirSync(FAILURES_DIR, { recursive: true });
    const text = await page.evaluate(() => document.body.innerText).catch((error: Error) => `(text unavailable: ${error.message})`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(
      [`« ${test} » failed on ${page.url()}`, `screenshot: ${path.relative(REPO_ROOT, file)}`, 'last API answers:', ...responses.map((r) => `  ${r}`), 'page text:', text.replace(/\n{2,}/g, '\n').slice(0, 3_000)].join('\n'),
    );
  }
}

/** Fills the sign-in form (on the page already) as a person would and submits it. */
export async function submitSignIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Adresse e-mail').fill(user.email);
  await page.getByLabel(/^Mot de passe/).fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** A fresh browser context signed in as `user` through the sign-in page, once `landing` (the heading of the role's home page) shows. */
export async function signedInPage(
  suite: BrowserSuite,
  user: { email: string; password: string },
  landing = 'Tableau de bord',
): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const context = await newContext(suite.browser, suite.stack);
  const page = await context.newPage();
  await page.goto('/connexion');
  await submitSignIn(page, user);
  await page.getByRole('heading', { name: landing }).waitFor();
  return { context, page, close: () => context.close() };
}

export interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  /** The offending elements, as HTML, to find them, with what axe found wrong. */
  nodes: string[];
}

/**
 * axe-core on the page as it is: the serious and critical violations of
 * WCAG 2.1 A/AA and axe's best practices, empty when the screen passes.
 */
export async function accessibilityViolations(page: Page): Promise<Violation[]> {
  // Evaluated rather than added as a <script>: the page's CSP refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  // A popover or dialog still fading in reads as low contrast: let finite transitions end first (loaders spin forever).
  await page.evaluate(() =>
    Promise.race([
      Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 2_000)),
    ]),
  );
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.html.slice(0, 300)} → ${n.failureSummary ?? ''}`) }));
}

/** The screen as it is passes axe (no serious or critical violation). */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
  // From the top: the header is fixed, a scrolled page would show it halfway down.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
