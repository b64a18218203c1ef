/**
 * `npm run db:seed`: idempotent. Creates the platform administrator (from
 * PLATFORM_ADMIN_EMAIL / PLATFORM_ADMIN_PASSWORD) and a demo GEIQ whose
 * users all have DEMO_PASSWORD (demo only: documented in the README): a
 * tenant admin and a coordinator, then its case data (seed/demo-cases.ts:
 * catalogue, member companies, candidates, cohorts, 25 pathways in every
 * state, driven through the real API) and one login per remaining role. Runs
 * as the application role, through row-level security, like the application.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PATHWAY_STATE_VALUES } from '@jalon/contracts';
import { PrismaClient } from '../libs/server/src/database/generated/client.js';
import { ensureMembership, ensureUser } from './seed/accounts.js';
import { seedDemoCases, type DemoCasesOutcome } from './seed/demo-cases.js';
import { CANDIDATE_LOGIN, DEMO_TENANT, EMPLOYER_LOGIN, STAFF, TUTORS, type StaffKey } from './seed/demo-data.js';

interface SeedOptions {
  databaseUrl: string;
  platformAdminEmail?: string;
  platformAdminPassword?: string;
  demoPassword: string;
}

async function seed(options: SeedOptions): Promise<DemoCasesOutcome> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: options.databaseUrl }) });
  try {
    if (options.platformAdminEmail && options.platformAdminPassword) {
      await ensureUser(prisma, { email: options.platformAdminEmail, firstName: 'Administration', lastName: 'Plateforme', password: options.platformAdminPassword, isPlatformAdmin: true });
    }
    const tenant = await prisma.tenant.upsert({ where: { slug: DEMO_TENANT.slug }, update: {}, create: DEMO_TENANT });
    const staff = {} as Record<StaffKey, string>;
    for (const [key, person] of Object.entries(STAFF) as [StaffKey, (typeof STAFF)[StaffKey]][]) {
      const user = await ensureUser(prisma, { ...person, password: options.demoPassword });
      await ensureMembership(prisma, tenant.id, user.id, { role: person.role });
      staff[key] = user.id;
    }
    return await seedDemoCases(prisma, { databaseUrl: options.databaseUrl, tenant, password: options.demoPassword, staff });
  } finally {
    await prisma.$disconnect();
  }
}

const LOGINS = [
  `${STAFF.admin.email} (administration)`,
  `${STAFF.coordination.email} (coordination)`,
  `${TUTORS.roux.email} (tuteur)`,
  `${EMPLOYER_LOGIN.email} (entreprise)`,
  `${CANDIDATE_LOGIN.email} (alternante)`,
];

const startedAt = Date.now();
seed({
  databaseUrl: process.env['DATABASE_URL'] ?? 'postgresql://jalon_app@127.0.0.1:5432/jalon',
  platformAdminEmail: process.env['PLATFORM_ADMIN_EMAIL'],
  platformAdminPassword: process.env['PLATFORM_ADMIN_PASSWORD'],
  demoPassword: process.env['DEMO_PASSWORD'] ?? 'demo-jalon-vae-2026',
}).then(
  (created) => {
    const counts = PATHWAY_STATE_VALUES.filter((state) => created[state]).map((state) => `${state} ${created[state]}`);
    const cases = counts.length ? `pathways created: ${counts.join(', ')}` : 'case data already present';
    console.log(`[seed] ${cases} (${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
    console.log(`[seed] done: demo GEIQ "${DEMO_TENANT.slug}", logins with DEMO_PASSWORD: ${LOGINS.join(', ')}`);
  },
  (error: unknown) => {
    console.error('[seed] failed:', error);
    process.exit(1);
  },
);
