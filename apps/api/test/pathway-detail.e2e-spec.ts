import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parisDate, yearOf } from '@jalon/domain';
import { Database, Prisma, toDbDate } from '@jalon/server/database';
import { PathwayRepository, type PathwayScope } from '../src/pathways/pathway.repository.js';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestTenant } from '../../../test/support/factories.js';
import { startApi } from '../../../test/support/harness.js';

const year = yearOf(parisDate(new Date()));

/** The same relations read by Prisma, the reference the one-statement read must match field for field. */
const prismaInclude = {
  candidate: {
    select: {
      id: true,
      firstName: true,
      lastName: true,
      birthDate: true,
      qualificationLevel: true,
      publicCategory: true,
      pathways: {
        select: { certificationId: true, admissibilities: { where: { submittedOn: { gte: toDbDate(`${year}-01-01`), lt: toDbDate(`${year + 1}-01-01`) } }, select: { blocsOnly: true }, orderBy: { id: 'asc' } } },
        orderBy: { id: 'asc' },
      },
    },
  },
  certification: { select: { id: true, code: true, title: true, admissibilityValidityMonths: true, blocs: { select: { code: true }, orderBy: { position: 'asc' } } } },
  contracts: { orderBy: [{ startDate: 'asc' }, { id: 'asc' }] },
  placements: { orderBy: [{ startDate: 'asc' }, { id: 'asc' }], include: { employer: { select: { id: true, name: true } }, tutor: { select: { user: { select: { firstName: true, lastName: true } } } } } },
  admissibilities: { orderBy: { attempt: 'asc' } },
  validationDossiers: { orderBy: { attempt: 'asc' } },
  jurySessions: { orderBy: { attempt: 'asc' }, include: { blocResults: { orderBy: { blocCode: 'asc' } } } },
  documents: { where: { deletedAt: null }, select: { kind: true }, orderBy: { id: 'asc' } },
} satisfies Prisma.PathwayInclude;

describe('the pathway page read in one statement', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let app: NestFastifyApplication;
  let tenant: TestTenant;
  let pathwayId: string;
  let tutorMembershipId: string;

  beforeAll(async () => {
    app = await startApi(testConfig());
    tenant = await factory.tenant();
    const rows = await factory.rowInEveryTable(tenant);
    pathwayId = rows.pathwayId;
    tutorMembershipId = rows.tutor.membershipId;
    const q = (sql: string, params: unknown[]) => pools.owner.query(sql, params);
    // Every kind of column filled: a decimal, optional days, a second contract and placement, an ended jury with results.
    await q(
      `UPDATE contracts SET weekly_hours = 35.5, trial_end_date = '2026-03-01', opco = 'OPCO 2i', opco_filed_on = '2026-01-20', annual_funding_eur = 9000, actual_end_date = '2026-09-30', termination_reason = 'Fin anticipée'
       WHERE pathway_id = $1`,
      [pathwayId],
    );
    const { rows: [pathway] } = await q('SELECT candidate_id, certification_id FROM pathways WHERE id = $1', [pathwayId]);
    const { rows: [placement] } = await q('SELECT employer_id, tutor_membership_id FROM placements WHERE pathway_id = $1', [pathwayId]);
    const contractId = randomUUID();
    await q(`INSERT INTO contracts (id, tenant_id, pathway_id, kind, start_date, planned_end_date, pay_percent_of_smic, updated_at) VALUES ($1, $2, $3, 'ORDINARY', '2026-10-01', '2027-09-30', 65, now())`, [contractId, tenant.id, pathwayId]);
    await q(`INSERT INTO placements (id, tenant_id, contract_id, pathway_id, employer_id, tutor_membership_id, start_date, end_date) VALUES ($1, $2, $3, $4, $5, $6, '2026-10-01', '2026-10-15')`, [
      randomUUID(), tenant.id, contractId, pathwayId, placement.employer_id, placement.tutor_membership_id,
    ]);
    await q('UPDATE admissibilities SET submitted_on = $2 WHERE pathway_id = $1', [pathwayId, `${year}-03-01`]);
    await q(`UPDATE jury_sessions SET place = 'Lyon', result = 'PARTIAL', result_recorded_at = '2026-12-01T16:30:12.345Z', is_active = false WHERE pathway_id = $1`, [pathwayId]);
    await q(`INSERT INTO documents (id, tenant_id, pathway_id, kind, file_name, mime_type, size_bytes, sha256, storage_key, deleted_at) VALUES ($1, $2, $3, 'CV', 'old.pdf', 'application/pdf', 10, repeat('0', 64), 'y', now())`, [randomUUID(), tenant.id, pathwayId]);
    // The candidate's other pathway, with a request of this year (counted) and one of last year (not).
    const otherId = randomUUID();
    await q(`INSERT INTO pathways (id, tenant_id, candidate_id, certification_id, state, updated_at) VALUES ($1, $2, $3, $4, 'WITHDRAWN', now())`, [otherId, tenant.id, pathway.candidate_id, pathway.certification_id]);
    await q(`INSERT INTO admissibilities (id, tenant_id, pathway_id, attempt, submitted_on, blocs_only) VALUES ($1, $2, $3, 1, $4, true), ($5, $2, $3, 2, $6, false)`, [
      randomUUID(), tenant.id, otherId, `${year}-01-01`, randomUUID(), `${year - 1}-12-31`,
    ]);
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  it('gives what Prisma gives for the same relations, in a plain transaction and in a unit of work', async () => {
    const db = app.get(Database);
    const pathways = app.get(PathwayRepository, { strict: false });
    const reference = await db.transaction(tenant.id, () => db.client.pathway.findFirst({ where: { tenantId: tenant.id, id: pathwayId }, include: prismaInclude }));

    const alone = await pathways.findDetail(tenant.id, pathwayId, { kind: 'tenant' });
    const inUnitOfWork = await db.transaction(tenant.id, () => pathways.findDetail(tenant.id, pathwayId, { kind: 'tenant' }));

    expect(alone).toEqual({ ...reference, requestsYear: year });
    expect(inUnitOfWork).toEqual(alone);
    // What the comparison rests on, visibly.
    expect(alone!.contracts.map((c) => [c.kind, c.weeklyHours?.toString() ?? null, c.trialEndDate?.toISOString() ?? null])).toEqual([
      ['VAE_INVERSEE', '35.5', '2026-03-01T00:00:00.000Z'],
      ['ORDINARY', null, null],
    ]);
    expect(alone!.candidate.pathways.flatMap((p) => p.admissibilities)).toEqual(expect.arrayContaining([{ blocsOnly: true }]));
    expect(alone!.candidate.pathways.flatMap((p) => p.admissibilities)).toHaveLength(2);
    expect(alone!.jurySessions[0]!.resultRecordedAt).toEqual(new Date('2026-12-01T16:30:12.345Z'));
    expect(alone!.documents).toEqual([{ kind: 'CV' }]);
  });

  it('reads nothing outside the caller’s scope', async () => {
    const pathways = app.get(PathwayRepository, { strict: false });
    const today = parisDate(new Date());
    const { rows: [links] } = await pools.owner.query('SELECT p.candidate_id, pl.employer_id FROM pathways p JOIN placements pl ON pl.pathway_id = p.id WHERE p.id = $1 ORDER BY pl.start_date LIMIT 1', [pathwayId]);
    const sees = async (scope: PathwayScope) => (await pathways.findDetail(tenant.id, pathwayId, scope))?.id ?? null;
    expect(await sees({ kind: 'tutor', membershipId: tutorMembershipId, today })).toBe(pathwayId);
    expect(await sees({ kind: 'tutor', membershipId: randomUUID(), today })).toBeNull();
    // The company's placement began on 5 January 2026: not current the day before.
    expect(await sees({ kind: 'employer', employerId: links.employer_id, today })).toBe(pathwayId);
    expect(await sees({ kind: 'employer', employerId: links.employer_id, today: '2026-01-04' })).toBeNull();
    expect(await sees({ kind: 'candidate', candidateId: links.candidate_id })).toBe(pathwayId);
    expect(await sees({ kind: 'candidate', candidateId: randomUUID() })).toBeNull();
    expect(await sees({ kind: 'none' })).toBeNull();
  });

  it('reads as the tenant it is asked for, and only in a unit of work of that tenant', async () => {
    const db = app.get(Database);
    const pathways = app.get(PathwayRepository, { strict: false });
    const other = await factory.tenant();
    expect(await pathways.findDetail(other.id, pathwayId, { kind: 'tenant' })).toBeNull();
    // Row-level security alone: the other tenant's transaction sees no pathway at all, whatever the statement asks.
    expect(await db.sqlStatement(other.id, Prisma.sql`SELECT id FROM pathways WHERE id = ${pathwayId}::uuid`)).toEqual([]);
    await expect(db.transaction(other.id, () => pathways.findDetail(tenant.id, pathwayId, { kind: 'tenant' }))).rejects.toThrow('Statement for another tenant than the unit of work');
  });
});
