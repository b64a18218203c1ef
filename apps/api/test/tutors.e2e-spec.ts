import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addDays, addMonths, parisDate } from '@jalon/domain';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestTenant } from '../../../test/support/factories.js';
import { bearer, http, login, startApi } from '../../../test/support/harness.js';

const today = () => parisDate(new Date());

interface Tutor {
  membershipId: string;
  firstName: string;
  lastName: string;
  employer: { id: string; name: string } | null;
  currentAlternants: number;
}

/** The company tutors a coordinator chooses from when recording a placement. */
describe('tutors', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let app: NestFastifyApplication;
  let tenant: TestTenant;
  let token: string;

  beforeAll(async () => {
    app = await startApi(testConfig());
    tenant = await factory.tenant();
    const coordinator = await factory.member(tenant, 'COORDINATOR');
    token = (await login(app, coordinator.email, coordinator.password)).accessToken;
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  const get = (path: string) => http(app).get(`/api/v1${path}`).set(bearer(token));
  const post = (path: string, body: object) => http(app).post(`/api/v1${path}`).set(bearer(token)).send(body);
  const tutor = async (firstName: string, lastName: string, employerId?: string) => factory.member(tenant, 'TUTOR', await factory.user({ firstName, lastName }), { employerId });

  /** A pathway placed with `tutorMembershipId` since a month ago, through the API. */
  async function placedWith(tutorMembershipId: string, employerId: string): Promise<{ id: string; placementId: string }> {
    const certification = await factory.certification(tenant);
    const candidate = await factory.candidate(tenant);
    const id = (await post('/pathways', { candidateId: candidate.id, certificationId: certification.id })).body.id as string;
    const start = addMonths(today(), -1);
    const contract = await post(`/pathways/${id}/contracts`, { startDate: start, plannedEndDate: addDays(addMonths(start, 24), -1), payPercentOfSmic: 80 });
    const placed = await post(`/pathways/${id}/placements`, { contractId: contract.body.id, employerId, tutorMembershipId, startDate: start });
    expect(placed.status).toBe(201);
    return { id, placementId: placed.body.placements[0].id as string };
  }

  it('lists the GEIQ’s active company tutors by name, with their company and the alternants they follow today', async () => {
    const atelier = await factory.employer(tenant, 'Atelier Garonne');
    const fonderie = await factory.employer(tenant, 'Fonderie Lot');
    const marc = await tutor('Marc', 'Vidal', atelier.id);
    const ines = await tutor('Inès', 'Amrani', fonderie.id);
    const paul = await tutor('Paul', 'Bonnet');
    const gone = await tutor('Zoé', 'Départ', atelier.id);
    await pools.owner.query('UPDATE memberships SET disabled_at = now() WHERE id = $1', [gone.membershipId]);
    // Not tutors: coordinators and employer contacts are left out.
    await factory.member(tenant, 'EMPLOYER', undefined, { employerId: atelier.id });
    // Another GEIQ's tutor is never listed.
    await factory.member(await factory.tenant(), 'TUTOR');

    await placedWith(marc.membershipId, atelier.id);
    const ended = await placedWith(marc.membershipId, atelier.id);
    await pools.owner.query('UPDATE placements SET end_date = $1 WHERE id = $2', [addDays(today(), -1), ended.placementId]);
    const withdrawn = await placedWith(ines.membershipId, fonderie.id);
    await pools.owner.query(`UPDATE pathways SET state = 'WITHDRAWN' WHERE id = $1`, [withdrawn.id]);

    const response = await get('/tutors?pageSize=100');
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(3);
    expect(response.body.items).toEqual([
      { membershipId: ines.membershipId, firstName: 'Inès', lastName: 'Amrani', email: ines.email, employer: { id: fonderie.id, name: fonderie.name }, currentAlternants: 0 },
      { membershipId: paul.membershipId, firstName: 'Paul', lastName: 'Bonnet', email: paul.email, employer: null, currentAlternants: 0 },
      { membershipId: marc.membershipId, firstName: 'Marc', lastName: 'Vidal', email: marc.email, employer: { id: atelier.id, name: atelier.name }, currentAlternants: 1 },
    ] satisfies (Tutor & { email: string })[]);

    const ofAtelier = await get(`/tutors?employerId=${atelier.id}`);
    expect(ofAtelier.body.items.map((t: Tutor) => t.lastName)).toEqual(['Vidal']);
    const paged = await get('/tutors?pageSize=2&page=2');
    expect({ total: paged.body.total, names: paged.body.items.map((t: Tutor) => t.lastName) }).toEqual({ total: 3, names: ['Vidal'] });
  });

  it('refuses a malformed company filter with 400 and a French message', async () => {
    const response = await get('/tutors?employerId=atelier');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'employerId', message: 'Identifiant invalide' }] });
  });

  it('is for staff: a company tutor may not list the others (403)', async () => {
    const self = await tutor('Luc', 'Moreau');
    const session = (await login(app, self.email, self.password)).accessToken;
    const response = await http(app).get('/api/v1/tutors').set(bearer(session));
    expect(response.status).toBe(403);
  });
});
