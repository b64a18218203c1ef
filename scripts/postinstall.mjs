// Runs after `npm install` / `npm ci`: generates the Prisma client without
// downloading Prisma's schema engine (unreachable from these machines; any
// existing file as PRISMA_SCHEMA_ENGINE_BINARY skips the download, and
// `generate` never runs it).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (existsSync('prisma/schema.prisma')) {
  execFileSync('npx', ['prisma', 'generate'], {
    stdio: 'inherit',
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/false', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}
