/**
 * The browser of the end-to-end tests: Debian's Chromium at /usr/bin/chromium,
 * installed with apt when missing (as root, or through sudo). Test tools never
 * download a browser of their own. Throws when it cannot be had: browser tests
 * are part of `npm test`, not optional.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function ensureChromium(log: (message: string) => void): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  log(`${CHROMIUM} is missing: installing Debian's chromium`);
  const root = process.getuid?.() === 0;
  const sudo = root ? [] : ['sudo', '-n'];
  const run = (args: string[]) => {
    const [command, ...rest] = [...sudo, ...args];
    return spawnSync(command!, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  };
  // Without the recommended packages (systemd, udev, cups…), which headless tests do not need.
  const installed = run(['apt-get', 'update', '-q']) && run(['apt-get', 'install', '-y', '-q', '--no-install-recommends', 'chromium', 'fonts-liberation']);
  if (!installed || !existsSync(CHROMIUM)) {
    throw new Error(`Chromium is required for the browser tests and could not be installed: run \`apt-get install -y chromium\` as root (or set CHROMIUM_PATH).`);
  }
  return CHROMIUM;
}
