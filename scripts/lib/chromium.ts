/**
 * The browser of the end-to-end tests: Debian's Chromium at /usr/bin/chromium,
 * installed with apt when missing (as root, or through sudo). Test tools never
 * download a browser of their own. Throws when it cannot be had: browser tests
 * are part of `npm test`, not optional.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Debian ships Chromium's translations apart (chromium-l10n). Without French,
 * date fields read mm/dd/yyyy whatever the page's language, unlike a French
 * user's browser.
 */
const FRENCH_RESOURCES = '/usr/lib/chromium/locales/fr.pak';
const PACKAGES = ['chromium', 'chromium-l10n', 'fonts-liberation'];

export function ensureChromium(log: (message: string) => void): string {
  const ownBrowser = process.env['CHROMIUM_PATH'] !== undefined;
  if (existsSync(CHROMIUM) && (ownBrowser || existsSync(FRENCH_RESOURCES))) return CHROMIUM;
  log(`${existsSync(CHROMIUM) ? `${FRENCH_RESOURCES} is missing` : `${CHROMIUM} is missing`}: installing Debian's ${PACKAGES.join(', ')}`);
  const root = process.getuid?.() === 0;
  const sudo = root ? [] : ['sudo', '-n'];
  const run = (args: string[]) => {
    const [command, ...rest] = [...sudo, ...args];
    return spawnSync(command!, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  };
  // Without the recommended packages (systemd, udev, cups…), which headless tests do not need.
  const installed = run(['apt-get', 'update', '-q']) && run(['apt-get', 'install', '-y', '-q', '--no-install-recommends', ...PACKAGES]);
  if (!installed || !existsSync(CHROMIUM)) {
    throw new Error(`Chromium is required for the browser tests and could not be installed: run \`apt-get install -y chromium\` as root (or set CHROMIUM_PATH).`);
  }
  return CHROMIUM;
}
