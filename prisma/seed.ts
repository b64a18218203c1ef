/**
 * `npm run db:seed`: idempotent. Creates the platform administrator (from
 * PLATFORM_ADMIN_EMAIL / PLATFORM_ADMIN_PASSWORD) and a demo GEIQ with a
 * tenant admin and a coordinator whose password is DEMO_PASSWORD (demo only:
 * documented in the README). Runs as the application role, through
 * row-level security, like the application itself.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import argon2 from 'argon2';
import { PrismaClient, type Prisma, type Role } from '../libs/server/src/database/generated/client.js';

const DEMO_TENANT = { slug: 'geiq-demo', name: 'GEIQ Démo Industrie Occitanie', siret: '73282932000074', region: 'Occitanie' };
const DEMO_USERS: { email: string; firstName: string; lastName: string; role: Role }[] = [
  { email: 'admin@geiq-demo.fr', firstName: 'Claire', lastName: 'Fontaine', role: 'TENANT_ADMIN' },
  { email: 'coordination@geiq-demo.fr', firstName: 'Karim', lastName: 'Benali', role: 'COORDINATOR' },
];
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

async function seed(databaseUrl: string, options: { platformAdminEmail?: string; platformAdminPassword?: string; demoPassword: string }): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    if (options.platformAdminEmail && options.platformAdminPassword) {
      await upsertUser(prisma, {
        email: options.platformAdminEmail.toLowerCase(),
        firstName: 'Administration',
        lastName: 'Plateforme',
        passwordHash: await argon2.hash(options.platformAdminPassword, ARGON2),
        isPlatformAdmin: true,
      });
    }
    const demoHash = await argon2.hash(options.demoPassword, ARGON2);
    const tenant = await prisma.tenant.upsert({ where: { slug: DEMO_TENANT.slug }, update: {}, create: DEMO_TENANT });
    for (const person of DEMO_USERS) {
      const user = await upsertUser(prisma, { email: person.email, firstName: person.firstName, lastName: person.lastName, passwordHash: demoHash });
      await prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT set_config('app.tenant_id', ${tenant.id}, true)`;
        await tx.membership.upsert({
          where: { tenantId_userId: { tenantId: tenant.id, userId: user.id } },
          update: { role: person.role, disabledAt: null },
          create: { tenantId: tenant.id, userId: user.id, role: person.role },
        });
      });
    }
  } finally {
    await prisma.$disconnect();
  }
}

function upsertUser(prisma: PrismaClient, data: Prisma.UserCreateInput) {
  return prisma.user.upsert({ where: { email: data.email }, update: { passwordHash: data.passwordHash, isPlatformAdmin: data.isPlatformAdmin ?? false }, create: data });
}

const url = process.env['DATABASE_URL'] ?? 'postgresql://jalon_app@127.0.0.1:5432/jalon';
seed(url, {
  platformAdminEmail: process.env['PLATFORM_ADMIN_EMAIL'],
  platformAdminPassword: process.env['PLATFORM_ADMIN_PASSWORD'],
  demoPassword: process.env['DEMO_PASSWORD'] ?? 'demo-jalon-vae-2026',
}).then(
  () => console.log(`[seed] done: demo GEIQ "${DEMO_TENANT.slug}" with ${DEMO_USERS.map((u) => u.email).join(', ')}`),
  (error: unknown) => {
    console.error('[seed] failed:', error);
    process.exit(1);
  },
);
