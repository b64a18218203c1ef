/**
 * The demo GEIQ's case data: catalogue, member companies, candidates,
 * cohorts and the 25 pathways, driven through the real API as the demo
 * coordinator; plus one login per role. Once the tenant has pathways, only
 * the logins are checked (the seed is idempotent).
 */
import { parisDate, type LocalDate } from '@jalon/domain';
import type { CertificationView, CohortView, CandidateView, EmployerView, PathwayStateValue } from '@jalon/contracts';
import type { Prisma, PrismaClient } from '../../libs/server/src/database/generated/client.js';
import { ensureMembership, ensureUser, inTenant } from './accounts.js';
import { ApiSession } from './api-session.js';
import { dayOf, monthAndYear } from './dates.js';
import {
  CANDIDATE_LOGIN,
  CANDIDATES,
  CERTIFICATIONS,
  COHORTS,
  EMPLOYER_LOGIN,
  EMPLOYERS,
  STAFF,
  TUTORS,
  type CandidateKey,
  type CertificationKey,
  type CohortKey,
  type EmployerKey,
  type StaffKey,
  type TutorKey,
} from './demo-data.js';
import { PATHWAY_SCENARIOS } from './demo-pathways.js';
import { playScenario, type Catalogue } from './play-scenario.js';

export interface DemoCasesOptions {
  databaseUrl: string;
  tenant: { id: string; slug: string };
  password: string;
  /** User ids of the GEIQ staff. */
  staff: Record<StaffKey, string>;
}

/** Pathways created by state; empty when the tenant had its case data already. */
export type DemoCasesOutcome = Partial<Record<PathwayStateValue, number>>;

export async function seedDemoCases(prisma: PrismaClient, options: DemoCasesOptions): Promise<DemoCasesOutcome> {
  const { tenant } = options;
  if ((await inTenant(prisma, tenant.id, (tx) => tx.pathway.count({ where: { tenantId: tenant.id } }))) > 0) {
    await ensureRoleLogins(prisma, tenant.id, options.password);
    return {};
  }
  const api = await ApiSession.open(options.databaseUrl);
  try {
    await api.login(STAFF.coordination.email, options.password, tenant.slug);
    const today = parisDate(new Date());
    const catalogue = await ensureCatalogue(api, prisma, tenant.id, today, options.staff);
    const tutors = await ensureRoleLogins(prisma, tenant.id, options.password);
    const outcome: DemoCasesOutcome = {};
    for (const scenario of PATHWAY_SCENARIOS) {
      const state = await playScenario(scenario, { api, prisma, tenantId: tenant.id, today, catalogue, staff: options.staff, tutors }).catch((error: unknown) => {
        throw new Error(`pathway ${scenario.label} (${scenario.candidate}) failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      });
      outcome[state] = (outcome[state] ?? 0) + 1;
    }
    return outcome;
  } finally {
    await api.close();
  }
}

// ---------------------------------------------------------------------------
// Catalogue: found by its natural key, created through the API otherwise (so
// that a seed interrupted before the pathways can simply run again).

async function ensureCatalogue(api: ApiSession, prisma: PrismaClient, tenantId: string, today: LocalDate, staff: Record<StaffKey, string>): Promise<Catalogue> {
  const find = <T>(query: (tx: Prisma.TransactionClient) => Promise<T>) => inTenant(prisma, tenantId, query);

  const certifications = {} as Record<CertificationKey, string>;
  for (const [key, { fiche }] of entries(CERTIFICATIONS)) {
    const existing = await find((tx) => tx.certification.findFirst({ where: { tenantId, kind: fiche.kind, code: fiche.code } }));
    certifications[key] = existing?.id ?? (await api.post<CertificationView>('/certifications', fiche)).id;
  }

  const employers = {} as Record<EmployerKey, string>;
  for (const [key, employer] of entries(EMPLOYERS)) {
    const existing = await find((tx) => tx.employer.findFirst({ where: { tenantId, siret: employer.siret } }));
    employers[key] = existing?.id ?? (await api.post<EmployerView>('/employers', employer)).id;
  }

  const candidates = {} as Record<CandidateKey, string>;
  for (const [key, candidate] of entries(CANDIDATES)) {
    const { firstName, lastName, birthDate } = candidate;
    const existing = await find((tx) => tx.candidate.findFirst({ where: { tenantId, firstName, lastName, birthDate: new Date(`${birthDate}T00:00:00.000Z`) } }));
    candidates[key] = existing?.id ?? (await api.post<CandidateView>('/candidates', candidate)).id;
  }

  const cohorts = {} as Record<CohortKey, string>;
  for (const [key, cohort] of entries(COHORTS)) {
    const startDate = dayOf(cohort.start, today);
    const name = `${cohort.namePrefix} ${monthAndYear(startDate)}`;
    const existing = await find((tx) => tx.cohort.findFirst({ where: { tenantId, name } }));
    cohorts[key] =
      existing?.id ??
      (await api.post<CohortView>('/cohorts', { name, certificationId: certifications[cohort.certification], startDate, referentCoordinatorId: staff[cohort.referent] })).id;
  }
  return { certifications, employers, candidates, cohorts };
}

// ---------------------------------------------------------------------------
// Logins for the roles outside the GEIQ staff, all with the demo password.

/** Tutors, the employer contact and the candidate; returns the tutors' membership ids. */
async function ensureRoleLogins(prisma: PrismaClient, tenantId: string, password: string): Promise<Record<TutorKey, string>> {
  const employerIds = await inTenant(prisma, tenantId, (tx) =>
    tx.employer.findMany({ where: { tenantId, siret: { in: Object.values(EMPLOYERS).map((e) => e.siret) } }, select: { id: true, siret: true } }),
  );
  const employerId = (key: EmployerKey) => {
    const found = employerIds.find((e) => e.siret === EMPLOYERS[key].siret);
    if (!found) throw new Error(`member company ${EMPLOYERS[key].name} not found in the demo GEIQ`);
    return found.id;
  };

  const tutors = {} as Record<TutorKey, string>;
  for (const [key, tutor] of entries(TUTORS)) {
    const user = await ensureUser(prisma, { ...tutor, password });
    tutors[key] = (await ensureMembership(prisma, tenantId, user.id, { role: 'TUTOR', employerId: employerId(tutor.employer) })).id;
  }

  const contact = await ensureUser(prisma, { ...EMPLOYER_LOGIN, password });
  await ensureMembership(prisma, tenantId, contact.id, { role: 'EMPLOYER', employerId: employerId(EMPLOYER_LOGIN.employer) });

  const { firstName, lastName, email } = CANDIDATES[CANDIDATE_LOGIN.candidate];
  const candidate = await inTenant(prisma, tenantId, (tx) => tx.candidate.findFirst({ where: { tenantId, email } }));
  if (!candidate) throw new Error(`candidate ${firstName} ${lastName} (${email}) not found in the demo GEIQ`);
  const candidateUser = await ensureUser(prisma, { email: CANDIDATE_LOGIN.email, firstName, lastName, password });
  await ensureMembership(prisma, tenantId, candidateUser.id, { role: 'CANDIDATE', candidateId: candidate.id });
  return tutors;
}

/** Object.entries with the object's own keys. */
function entries<K extends string, V>(record: Record<K, V>): [K, V][] {
  return Object.entries(record) as [K, V][];
}
