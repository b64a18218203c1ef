/**
 * Users and memberships, written with Prisma as the application role (the
 * way an invitation would end, without the e-mail).
 */
import argon2 from 'argon2';
import { normaliseForSearch } from '@jalon/contracts';
import type { Prisma, PrismaClient, Role } from '../../libs/server/src/database/generated/client.js';

/** The API's password hashing parameters (OWASP argon2id). */
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface UserSeed {
  email: string;
  firstName: string;
  lastName: string;
  password: string;
  isPlatformAdmin?: boolean;
}

/**
 * Creates the user, or brings it back to `password` (and the admin flag):
 * an unchanged user is not written again.
 */
export async function ensureUser(prisma: PrismaClient, seed: UserSeed): Promise<{ id: string }> {
  const email = seed.email.toLowerCase();
  const isPlatformAdmin = seed.isPlatformAdmin ?? false;
  const existing = await prisma.user.findUnique({ where: { email } });
  if (!existing) {
    const passwordHash = await argon2.hash(seed.password, ARGON2);
    const searchName = normaliseForSearch(`${seed.firstName} ${seed.lastName}`);
    return prisma.user.create({ data: { email, firstName: seed.firstName, lastName: seed.lastName, searchName, passwordHash, isPlatformAdmin } });
  }
  const passwordOk = await argon2.verify(existing.passwordHash, seed.password).catch(() => false);
  if (passwordOk && existing.isPlatformAdmin === isPlatformAdmin) return existing;
  return prisma.user.update({
    where: { id: existing.id },
    data: { isPlatformAdmin, ...(passwordOk ? {} : { passwordHash: await argon2.hash(seed.password, ARGON2) }) },
  });
}

/** Runs `work` in a transaction that row-level security sees as inside the tenant. */
export function inTenant<T>(prisma: PrismaClient, tenantId: string, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
    return work(tx);
  });
}

export interface MembershipSeed {
  role: Role;
  employerId?: string;
  candidateId?: string;
}

/** The user's membership in the tenant, with this role (and company or candidate record), enabled. */
export async function ensureMembership(prisma: PrismaClient, tenantId: string, userId: string, seed: MembershipSeed): Promise<{ id: string }> {
  const fields = { role: seed.role, employerId: seed.employerId ?? null, candidateId: seed.candidateId ?? null };
  return inTenant(prisma, tenantId, (tx) =>
    tx.membership.upsert({
      where: { tenantId_userId: { tenantId, userId } },
      update: { ...fields, disabledAt: null },
      create: { tenantId, userId, ...fields },
    }),
  );
}
