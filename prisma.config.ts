import { defineConfig } from 'prisma/config';

// Prisma 7 reads the connection here. Migrations run through scripts/db (the
// CLI cannot download its engine on these machines); this file keeps the
// official CLI usable where it can.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_OWNER_URL ?? 'postgresql://postgres@127.0.0.1:5432/jalon' },
});
