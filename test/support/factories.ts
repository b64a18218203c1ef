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

  async user(options: { platformAdmin?: boolean; email?: string; firstName?: string; lastName?: string } = {}): Promise<TestUser> {
    const user = { id: randomUUID(), email: options.email ?? `user-${unique()}@test.jalon.fr`, password: TEST_PASSWORD };
    await this.owner.query(
      `INSERT INTO users (id, email, password_hash, first_name, last_name, is_platform_admin, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())`,
      [user.id, user.email, await hashOnce(), options.firstName ?? 'Prénom', options.lastName ?? 'Nom', options.platformAdmin ?? false],
    );
    return user;
  }

  /** `links`: the member company of an employer contact or tutor, the record of a candidate. */
  async member(tenant: TestTenant, role: TenantRole, user?: TestUser, links: { employerId?: string; candidateId?: string } = {}): Promise<TestUser & { membershipId: string }> {
    const person = user ?? (await this.user());
    const membershipId = randomUUID();
    await this.owner.query('INSERT INTO memberships (id, tenant_id, user_id, role, employer_id, candidate_id) VALUES ($1, $2, $3, $4, $5, $6)', [
      membershipId,
      tenant.id,
      person.id,
      role,
      links.employerId ?? null,
      links.candidateId ?? null,
    ]);
    return { ...person, membershipId };
  }

  /** A member company with a valid SIRET. */
  async employer(tenant: TestTenant, name = 'Atelier Test'): Promise<{ id: string; name: string }> {
    const employer = { id: randomUUID(), name: `${name} ${unique()}` };
    await this.owner.query(
      `INSERT INTO employers (id, tenant_id, name, search_name, siret, updated_at) VALUES ($1, $2, $3, lower($3), $4, now())`,
      [employer.id, tenant.id, employer.name, validSiret()],
    );
    return employer;
  }

  async candidate(tenant: TestTenant, fields: { firstName?: string; lastName?: string; birthDate?: string; qualificationLevel?: number } = {}): Promise<{ id: string; firstName: string; lastName: string }> {
    const candidate = { id: randomUUID(), firstName: fields.firstName ?? 'Camille', lastName: fields.lastName ?? `Test-${unique()}` };
    await this.owner.query(
      `INSERT INTO candidates (id, tenant_id, first_name, last_name, search_name, birth_date, qualification_level, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
      [candidate.id, tenant.id, candidate.firstName, candidate.lastName, `${candidate.firstName} ${candidate.lastName}`.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase(), fields.birthDate ?? '2004-05-17', fields.qualificationLevel ?? 3],
    );
    return candidate;
  }

  /** A certification with two blocs of two competencies (codes B1, B2). */
  async certification(tenant: TestTenant): Promise<{ id: string; blocCodes: string[] }> {
    const id = randomUUID();
    await this.owner.query(
      `INSERT INTO certifications (id, tenant_id, kind, code, title, level, certifier, admissibility_validity_months, updated_at)
       VALUES ($1, $2, 'CQPM', $3, 'Opérateur régleur en usinage', 3, 'UIMM', 36, now())`,
      [id, tenant.id, `CQPM-${unique()}`],
    );
    for (const [position, code] of ['B1', 'B2'].entries()) {
      const blocId = randomUUID();
      await this.owner.query('INSERT INTO blocs (id, tenant_id, certification_id, code, title, position) VALUES ($1, $2, $3, $4, $5, $6)', [blocId, tenant.id, id, code, `Bloc ${code}`, position]);
      for (const [i, c] of ['C1', 'C2'].entries()) {
        await this.owner.query('INSERT INTO competencies (id, tenant_id, bloc_id, code, title, position) VALUES ($1, $2, $3, $4, $5, $6)', [randomUUID(), tenant.id, blocId, `${code}.${c}`, `Compétence ${code}.${c}`, i]);
      }
    }
    return { id, blocCodes: ['B1', 'B2'] };
  }

  async cohort(tenant: TestTenant, certificationId: string, name = 'Promotion'): Promise<{ id: string; name: string }> {
    const cohort = { id: randomUUID(), name: `${name} ${unique()}` };
    await this.owner.query(`INSERT INTO cohorts (id, tenant_id, name, certification_id, start_date, updated_at) VALUES ($1, $2, $3, $4, '2026-01-05', now())`, [cohort.id, tenant.id, cohort.name, certificationId]);
    return cohort;
  }

  /** A pathway already at `state` (no contract or VAE records): for lists, boards and counts. */
  async pathway(tenant: TestTenant, fields: { candidateId: string; certificationId: string; cohortId?: string; state?: string }): Promise<{ id: string }> {
    const id = randomUUID();
    await this.owner.query(
      `INSERT INTO pathways (id, tenant_id, candidate_id, certification_id, cohort_id, state, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())`,
      [id, tenant.id, fields.candidateId, fields.certificationId, fields.cohortId ?? null, fields.state ?? 'CERTIFICATION_CHOSEN'],
    );
    return { id };
  }

  /** An in-app notification, unread. */
  async notification(tenant: TestTenant, userId: string, fields: { title: string; body?: string; link?: string }): Promise<{ id: string }> {
    const id = randomUUID();
    await this.owner.query(`INSERT INTO notifications (id, tenant_id, user_id, kind, title, body, link) VALUES ($1, $2, $3, 'JURY_UPCOMING', $4, $5, $6)`, [
      id,
      tenant.id,
      userId,
      fields.title,
      fields.body ?? fields.title,
      fields.link ?? null,
    ]);
    return { id };
  }

  /**
   * One row in every case-management table for this tenant (a pathway with
   * cohort, contract, placement, recevabilité, dossier, jury, bloc result,
   * history and document): for tests about the tables themselves.
   */
  async rowInEveryTable(tenant: TestTenant): Promise<{ pathwayId: string; tutor: TestUser & { membershipId: string }; competencyIds: string[] }> {
    const certification = await this.certification(tenant);
    const candidate = await this.candidate(tenant);
    const employer = await this.employer(tenant);
    const tutor = await this.member(tenant, 'TUTOR');
    const [cohortId, pathwayId, contractId, juryId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const q = (sql: string, params: unknown[]) => this.owner.query(sql, params);
    await q(`INSERT INTO cohorts (id, tenant_id, name, certification_id, start_date, updated_at) VALUES ($1, $2, 'Promo', $3, '2026-01-05', now())`, [cohortId, tenant.id, certification.id]);
    await q(`INSERT INTO pathways (id, tenant_id, candidate_id, certification_id, cohort_id, state, updated_at) VALUES ($1, $2, $3, $4, $5, 'JURY_SCHEDULED', now())`, [pathwayId, tenant.id, candidate.id, certification.id, cohortId]);
    await q(`INSERT INTO contracts (id, tenant_id, pathway_id, kind, start_date, planned_end_date, pay_percent_of_smic, updated_at) VALUES ($1, $2, $3, 'VAE_INVERSEE', '2026-01-05', '2027-12-31', 55, now())`, [contractId, tenant.id, pathwayId]);
    await q(`INSERT INTO placements (id, tenant_id, contract_id, pathway_id, employer_id, tutor_membership_id, start_date) VALUES ($1, $2, $3, $4, $5, $6, '2026-01-05')`, [randomUUID(), tenant.id, contractId, pathwayId, employer.id, tutor.membershipId]);
    await q(`INSERT INTO admissibilities (id, tenant_id, pathway_id, attempt, submitted_on, decision) VALUES ($1, $2, $3, 1, '2026-03-01', 'ADMISSIBLE')`, [randomUUID(), tenant.id, pathwayId]);
    await q(`INSERT INTO validation_dossiers (id, tenant_id, pathway_id, attempt, submitted_on) VALUES ($1, $2, $3, 1, '2026-06-01')`, [randomUUID(), tenant.id, pathwayId]);
    await q(`INSERT INTO jury_sessions (id, tenant_id, pathway_id, attempt, date) VALUES ($1, $2, $3, 1, '2026-12-01')`, [juryId, tenant.id, pathwayId]);
    await q(`INSERT INTO bloc_results (id, tenant_id, jury_session_id, bloc_code, acquired) VALUES ($1, $2, $3, 'B1', true)`, [randomUUID(), tenant.id, juryId]);
    await q(`INSERT INTO status_history (id, tenant_id, pathway_id, to_state, action) VALUES ($1, $2, $3, 'CERTIFICATION_CHOSEN', 'create')`, [randomUUID(), tenant.id, pathwayId]);
    await q(`INSERT INTO documents (id, tenant_id, pathway_id, kind, file_name, mime_type, size_bytes, sha256, storage_key) VALUES ($1, $2, $3, 'CV', 'cv.pdf', 'application/pdf', 10, repeat('0', 64), 'x')`, [randomUUID(), tenant.id, pathwayId]);
    const [entryId, cycleId] = [randomUUID(), randomUUID()];
    const { rows } = await this.owner.query<{ id: string }>(`SELECT c.id FROM competencies c JOIN blocs b ON b.id = c.bloc_id WHERE b.certification_id = $1 LIMIT 1`, [certification.id]);
    await q(`INSERT INTO progress_entries (id, tenant_id, pathway_id, author_id, date, activity, hours, updated_at) VALUES ($1, $2, $3, $4, '2026-02-01', 'Observation', 7, now())`, [entryId, tenant.id, pathwayId, tutor.id]);
    await q(`INSERT INTO competency_assessments (id, tenant_id, progress_entry_id, pathway_id, competency_id, level, assessed_on) VALUES ($1, $2, $3, $4, $5, 'IN_PROGRESS', '2026-02-01')`, [randomUUID(), tenant.id, entryId, pathwayId, rows[0]!.id]);
    await q(`INSERT INTO afest_cycles (id, tenant_id, pathway_id, title, competency_ids, analysis_on, created_by_id, updated_at) VALUES ($1, $2, $3, 'Cycle', ARRAY[$4]::uuid[], '2026-02-02', $5, now())`, [cycleId, tenant.id, pathwayId, rows[0]!.id, tutor.id]);
    await q(`INSERT INTO comments (id, tenant_id, pathway_id, author_id, body) VALUES ($1, $2, $3, $4, 'Premier point')`, [randomUUID(), tenant.id, pathwayId, tutor.id]);
    const reminderId = randomUUID();
    await q(`INSERT INTO reminders (id, tenant_id, pathway_id, kind, due_at, recipients, dedup_key, updated_at) VALUES ($1, $2, $3, 'JURY_UPCOMING', now() + interval '30 days', ARRAY['COORDINATOR'], $4, now())`, [reminderId, tenant.id, pathwayId, `${pathwayId}:JURY_UPCOMING:14:x`]);
    await q(`INSERT INTO notifications (id, tenant_id, user_id, reminder_id, kind, title, body) VALUES ($1, $2, $3, $4, 'JURY_UPCOMING', 'Jury', 'Jury bientôt')`, [randomUUID(), tenant.id, tutor.id, reminderId]);
    await q(`INSERT INTO email_preferences (id, tenant_id, user_id, kind, email) VALUES ($1, $2, $3, 'JURY_UPCOMING', false)`, [randomUUID(), tenant.id, tutor.id]);
    await q(`INSERT INTO training_modules (id, tenant_id, pathway_id, title, provider, hours_planned, updated_at) VALUES ($1, $2, $3, 'Module', 'AFPI', 35, now())`, [randomUUID(), tenant.id, pathwayId]);
    const competencies = await this.owner.query<{ id: string }>(
      `SELECT c.id FROM competencies c JOIN blocs b ON b.id = c.bloc_id WHERE b.certification_id = $1 ORDER BY c.code`,
      [certification.id],
    );
    return { pathwayId, tutor, competencyIds: competencies.rows.map((r) => r.id) };
  }
}

/** 14 random digits whose Luhn checksum is valid. */
export function validSiret(): string {
  const digits = Array.from({ length: 13 }, () => Math.floor(Math.random() * 10));
  for (let check = 0; check < 10; check++) {
    const candidate = [...digits, check].join('');
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let d = Number(candidate[13 - i]);
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0 && !candidate.startsWith('356000000')) return candidate;
  }
  return validSiret();
}
