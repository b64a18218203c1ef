import { randomBytes, randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import type { Pool } from 'pg';
import type { TenantRole } from '@jalon/contracts';

/** A password that passes the policy; every factory user has it unless told otherwise. */
export const TEST_PASSWORD = 'correct horse battery staple';

let passwordHash: Promise<string> | undefined;
const hashOnce = () => (passwordHash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 }));

const unique = () => randomBytes(5).toString('hex');

export interface TestTenant {
  id: string;
  slug: string;
  name: string;
}
export interface TestUser {
  id: string;
  email: string;
  password: string;
}

/**
 * Test data written straight into the database through the owner connection:
 * each test makes its own tenant and people, so tests never depend on each
 * other or on their order.
 */
export class Factory {
  constructor(private readonly owner: Pool) {}

  async tenant(name = 'GEIQ Test'): Promise<TestTenant> {
    const tenant = { id: randomUUID(), slug: `geiq-${unique()}`, name: `${name} ${unique()}` };
    await this.owner.query('INSERT INTO tenants (id, name, slug, updated_at) VALUES ($1, $2, $3, now())', [tenant.id, tenant.name, tenant.slug]);
    return tenant;
  }

  async user(options: { platformAdmin?: boolean; email?: string } = {}): Promise<TestUser> {
    const user = { id: randomUUID(), email: options.email ?? `user-${unique()}@test.jalon.fr`, password: TEST_PASSWORD };
    await this.owner.query(
      `INSERT INTO users (id, email, password_hash, first_name, last_name, is_platform_admin, updated_at)
       VALUES ($1, $2, $3, 'Prénom', 'Nom', $4, now())`,
      [user.id, user.email, await hashOnce(), options.platformAdmin ?? false],
    );
    return user;
  }

  async member(tenant: TestTenant, role: TenantRole, user?: TestUser): Promise<TestUser & { membershipId: string }> {
    const person = user ?? (await this.user());
    const membershipId = randomUUID();
    await this.owner.query('INSERT INTO memberships (id, tenant_id, user_id, role) VALUES ($1, $2, $3, $4)', [membershipId, tenant.id, person.id, role]);
    return { ...person, membershipId };
  }
}
