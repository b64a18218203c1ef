/**
 * `npm start`: finds or starts Postgres and Redis, migrates and seeds the
 * demo, builds what changed (the web app included: the API serves it at `/`),
 * then runs the API and the worker until Ctrl-C.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { API_PROCESS, DATA_DIR, localSecret, prepareEnvironment, REPO_ROOT } from './lib/environment.js';

const DEMO_PASSWORD = process.env['DEMO_PASSWORD'] ?? 'demo-jalon-vae-2026';
const PLATFORM_ADMIN_EMAIL = process.env['PLATFORM_ADMIN_EMAIL'] ?? 'plateforme@jalon.local';
const PLATFORM_ADMIN_PASSWORD = process.env['PLATFORM_ADMIN_PASSWORD'] ?? DEMO_PASSWORD;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: REPO_ROOT, env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

async function main(): Promise<void> {
  const log = (m: string) => console.log(`[start] ${m}`);
  const environment = await prepareEnvironment(process.env['DATABASE_NAME'] ?? 'jalon', log);
  const port = process.env['PORT'] ?? '3000';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: environment.appUrl,
    REDIS_URL: environment.redisUrl,
    JWT_SECRET: process.env['JWT_SECRET'] ?? localSecret('jwt'),
    PORT: port,
    PUBLIC_URL: process.env['PUBLIC_URL'] ?? `http://localhost:${port}`,
    MAIL_OUTBOX_DIR: process.env['MAIL_OUTBOX_DIR'] ?? `${DATA_DIR}/outbox`,
    PLATFORM_ADMIN_EMAIL,
    PLATFORM_ADMIN_PASSWORD,
    DEMO_PASSWORD,
  };

  log('building (only what changed)');
  run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=stream'], env);
  // The demo's pathways are played through the built API, so the seed comes after the build.
  log('seeding the demo GEIQ');
  run('npx', ['tsx', 'prisma/seed.ts'], env);

  const children: ChildProcess[] = [
    spawn(process.execPath, [...API_PROCESS.flags, 'apps/api/dist/main.js'], { cwd: REPO_ROOT, env: { ...env, ...API_PROCESS.env }, stdio: 'inherit' }),
    spawn(process.execPath, ['apps/worker/dist/main.js'], { cwd: REPO_ROOT, env, stdio: 'inherit' }),
  ];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    children.forEach((child) => child.exitCode === null && child.kill('SIGTERM'));
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : undefined)));
    await environment.stop();
    process.exit(code);
  };
  children.forEach((child) => child.once('exit', (code) => void stop(code ?? 1)));
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const url = `http://localhost:${port}`;
  console.log(`
  Jalon tourne / Jalon is running
    Application    ${url}/
    API            ${url}/api/v1
    Documentation  ${url}/api/docs
    Santé          ${url}/health/ready
    E-mails        ${env['SMTP_URL'] ? 'via SMTP_URL' : `fichiers .eml dans ${env['MAIL_OUTBOX_DIR']}`}

  Comptes de démonstration (mot de passe « ${DEMO_PASSWORD} », démo uniquement) :
    admin@geiq-demo.fr          administrateur du GEIQ « geiq-demo »
    coordination@geiq-demo.fr   chargé d’accompagnement
    tuteur@geiq-demo.fr         tuteur en entreprise (3 alternants)
    entreprise@geiq-demo.fr     contact d’une entreprise adhérente
    alternant@geiq-demo.fr      alternante (son propre parcours)
    ${PLATFORM_ADMIN_EMAIL.padEnd(27)} administrateur de la plateforme${process.env['PLATFORM_ADMIN_PASSWORD'] ? ' (mot de passe : PLATFORM_ADMIN_PASSWORD)' : ''}

  Ctrl-C pour arrêter.
`);
}

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
