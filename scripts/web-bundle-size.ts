/**
 * The JavaScript a first visit downloads before the sign-in page or the
 * dashboard shows, gzip-compressed, from the build's manifest: the entry
 * chunk, the page's lazy chunk, and every chunk they import statically.
 * `--check` fails above the budget (300 KB gzip each); `npm test` runs it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './lib/environment.js';

const DIST = path.join(REPO_ROOT, 'apps/web/dist');
const BUDGET_BYTES = 300 * 1024;
const PAGES = { 'sign-in (/connexion)': 'src/screens/login-page.tsx', 'dashboard (/tableau-de-bord)': 'src/screens/dashboard-page.tsx' };

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

const manifest = JSON.parse(readFileSync(path.join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;

/** The chunk and everything it imports statically, as manifest keys. */
function closure(key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key]?.imports ?? []) closure(imported, into);
  return into;
}

const gzipped = (file: string) => gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
if (!entry) throw new Error('no entry chunk in the manifest: build the web app first');

let over = false;
for (const [page, source] of Object.entries(PAGES)) {
  if (!manifest[source]) throw new Error(`${source} is not a chunk of the build`);
  const files = [...new Set([...closure(entry), ...closure(source)])].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
  const total = files.reduce((sum, file) => sum + gzipped(file), 0);
  over ||= total > BUDGET_BYTES;
  console.log(`${page}: ${kb(total)} gzip in ${files.length} files (budget ${kb(BUDGET_BYTES)})`);
}
if (process.argv.includes('--check') && over) {
  console.error('The initial JavaScript of a page is over its budget.');
  process.exit(1);
}
