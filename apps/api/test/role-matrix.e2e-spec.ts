import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Response } from 'supertest';
import { addDays, addMonths, parisDate } from '@jalon/domain';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, validSiret, type TestTenant, type TestUser } from '../../../test/support/factories.js';
import { bearer, http, login, startApi } from '../../../test/support/harness.js';

const today = () => parisDate(new Date());

// The setup logs in eleven people and builds pathways through the API; a cell may build one too.

/**
 * Who gets what on the case-management API (DESIGN.md §6): every route ×
 * every role, as one table. Columns: the six roles of one tenant (GEIQ), then
 * the five tenant roles of another GEIQ calling this one's records.
 *
 * - TENANT_ADMIN, COORDINATOR: everything (valid bodies, so 2xx), but
 *   managing members is the tenant admin's alone; a coordinator lists the
 *   active staff only.
 * - TUTOR, EMPLOYER, CANDIDATE: 403 where their role lacks the permission;
 *   read the pathway they are linked to (200) and no other (404); read the
 *   certification catalogue.
 * - PLATFORM_ADMIN: 403 on all of it (tenants only, never case data).
 * - Another tenant: 404 on this tenant's records (no existence leak), 403
 *   where its role lacks the permission anyway; lists never show this
 *   tenant's records; a create naming this tenant's records is refused (400).
 *
 * "(linked)" is the pathway the tutor, employer contact and candidate are
 * linked to; "(other)" a pathway of the same tenant they have nothing to do with.
 */
const ACTORS = [
  'TENANT_ADMIN',
  'COORDINATOR',
  'TUTOR',
  'EMPLOYER',
  'CANDIDATE',
  'PLATFORM_ADMIN',
  'other tenant’s TENANT_ADMIN',
  'other tenant’s COORDINATOR',
  'other tenant’s TUTOR',
  'other tenant’s EMPLOYER',
  'other tenant’s CANDIDATE',
] as const;
type Actor = (typeof ACTORS)[number];
type Statuses = readonly [number, number, number, number, number, number, number, number, number, number, number];

const MATRIX = {
  //                                              ───────────── this tenant ─────────────   ─────── another tenant ───────
  //                                              ADMIN COORD TUTOR EMPLR CANDT PLATF        ADMIN COORD TUTOR EMPLR CANDT
  'POST /employers':                              [ 201,  201,  403,  403,  403,  403,         201,  201,  403,  403,  403],
  'GET /employers':                               [ 200,  200,  403,  403,  403,  403,         200,  200,  403,  403,  403],
  'GET /employers/:id':                           [ 200,  200,  403,  403,  403,  403,         404,  404,  403,  403,  403],
  'PATCH /employers/:id':                         [ 200,  200,  403,  403,  403,  403,         404,  404,  403,  403,  403],
  'DELETE /employers/:id':                        [ 204,  204,  403,  403,  403,  403,         404,  404,  403,  403,  403],

  'POST /certifications':                         [ 201,  201,  403,  403,  403,  403,         201,  201,  403,  403,  403],
  'GET /certifications':                          [ 200,  200,  200,  200,  200,  403,         200,  200,  200,  200,  200],
  'GET /certifications/:id':                      [ 200,  200,  200,  200,  200,  403,         404,  404,  404,  404,  404],
  'PATCH /certifications/:id':                    [ 200,  200,  403,  403,  403,  403,         404,  404,  403,  403,  403],
  'DELETE /certifications/:id':                   [ 204,  204,  403,  403,  403,  403,         404,  404,  403,  403,  403],

  'POST /candidates':                             [ 201,  201,  403,  403,  403,  403,         201,  201,  403,  403,  403],
  'GET /candidates':                              [ 200,  200,  403,  403,  403,  403,         200,  200,  403,  403,  403],
  'GET /candidates/:id':                          [ 200,  200,  403,  403,  403,  403,         404,  404,  403,  403,  403],
  'PATCH /candidates/:id':                        [ 200,  200,  403,  403,  403,  403,         404,  404,  403,  403,  403],
  'DELETE /candidates/:id':                       [ 204,  204,  403,  403,  403,  403,         404,  404,  403,  403,  403],

  'POST /cohorts':                                [ 201,  201,  403,  403,  403,  403,         400,  400,  403,  403,  403],
  'GET /cohorts':                                 [ 200,  200,  403,  403,  403,  403,         200,  200,  403,  403,  403],
  'GET /cohorts/:id':                             [ 200,  200,  403,  403,  403,  403,         404,  404,  403,  403,  403],
  'PATCH /cohorts/:id':                           [ 200,  200,  403,  403,  403,  403,         404,  404,  403,  403,  403],
  'DELETE /cohorts/:id':                          [ 204,  204,  403,  403,  403,  403,         404,  404,  403,  403,  403],

  'POST /pathways':                               [ 201,  201,  403,  403,  403,  403,         400,  400,  403,  403,  403],
  'GET /pathways':                                [ 200,  200,  200,  200,  200,  403,         200,  200,  200,  200,  200],
  'GET /pathways/:id (linked)':                   [ 200,  200,  200,  200,  200,  403,         404,  404,  404,  404,  404],
  'GET /pathways/:id (other)':                    [ 200,  200,  404,  404,  404,  403,         404,  404,  404,  404,  404],
  'PATCH /pathways/:id':                          [ 200,  200,  403,  403,  403,  403,         404,  404,  403,  403,  403],
  'POST /pathways/:id/transitions':               [ 200,  200,  403,  403,  403,  403,         404,  404,  403,  403,  403],
  'GET /pathways/:id/history (linked)':           [ 200,  200,  200,  200,  200,  403,         404,  404,  404,  404,  404],
  'GET /pathways/:id/history (other)':            [ 200,  200,  404,  404,  404,  403,         404,  404,  404,  404,  404],
  'POST /pathways/:id/contracts':                 [ 201,  201,  403,  403,  403,  403,         404,  404,  403,  403,  403],
  'PATCH /pathways/:id/contracts/:contractId':    [ 200,  200,  403,  403,  403,  403,         404,  404,  403,  403,  403],
  'POST /pathways/:id/placements':                [ 201,  201,  403,  403,  403,  403,         404,  404,  403,  403,  403],
  'PATCH /pathways/:id/placements/:placementId':  [ 200,  200,  403,  403,  403,  403,         404,  404,  403,  403,  403],

  'GET /users':                                   [ 200,  200,  403,  403,  403,  403,         200,  200,  403,  403,  403],
  'PATCH /users/:id':                             [ 200,  403,  403,  403,  403,  403,         404,  403,  403,  403,  403],
  'POST /users/:id/deactivate':                   [ 200,  403,  403,  403,  403,  403,         404,  403,  403,  403,  403],
  'POST /users/:id/reactivate':                   [ 200,  403,  403,  403,  403,  403,         404,  403,  403,  403,  403],
  'GET /tutors':                                  [ 200,  200,  403,  403,  403,  403,         200,  200,  403,  403,  403],
} as const satisfies Record<string, Statuses>;
type Route = keyof typeof MATRIX;

/**
 * The controllers this matrix covers, every route of each. Auth, health,
 * platform and invitations have their own test files; the later pathway
 * features (documents, progress entries) their own controllers and tests.
 */
const IN_MATRIX = ['EmployersController', 'CertificationsController', 'CandidatesController', 'CohortsController', 'PathwaysController', 'UsersController', 'TutorsController'];

const isStaff = (actor: Actor) => actor === 'TENANT_ADMIN' || actor === 'COORDINATOR';
const isScoped = (actor: Actor) => actor === 'TUTOR' || actor === 'EMPLOYER' || actor === 'CANDIDATE';
const isForeign = (actor: Actor) => actor.startsWith('other tenant');
const ids = (response: Response) => (response.body.items as { id: string }[]).map((item) => item.id);

describe('role matrix: every case-management route × every role (DESIGN.md §6)', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let app: NestFastifyApplication;
  let tenant: TestTenant;
  const tokens = {} as Record<Actor, string>;
  /** Shared records of `tenant`, made once; only refused calls and reads touch them. */
  let fx: {
    certificationId: string;
    cohortId: string;
    /** The pathway the TUTOR, EMPLOYER and CANDIDATE actors are linked to, in EXPERIENCE. */
    linked: { id: string; contractId: string; placementId: string; candidateId: string; employerId: string };
    /** Another pathway of the tenant, in EXPERIENCE, linked to none of them. */
    other: { id: string };
    /** Neither linked to anyone nor used by the pathways above. */
    spareEmployerId: string;
    spareCandidateId: string;
    spareTutorMembershipId: string;
    spareTutorUserId: string;
    adminUserId: string;
  };

  const as = (token: string) => ({
    get: (path: string) => http(app).get(`/api/v1${path}`).set(bearer(token)),
    post: (path: string, body: object) => http(app).post(`/api/v1${path}`).set(bearer(token)).send(body),
    patch: (path: string, body: object) => http(app).patch(`/api/v1${path}`).set(bearer(token)).send(body),
    delete: (path: string) => http(app).delete(`/api/v1${path}`).set(bearer(token)),
  });
  /** Arranging data through the API, as the tenant's coordinator. */
  const staff = () => as(tokens.COORDINATOR);

  function expectStatus(response: Response, status: number): Response {
    expect({ status: response.status, body: response.status === status ? undefined : response.body }).toEqual({ status, body: undefined });
    return response;
  }

  /** A pathway through the API: created, then optionally with a contract (started a month ago), a placement and started (EXPERIENCE). */
  async function pathway(options: { candidateId?: string; contract?: boolean; trial?: boolean; placement?: { employerId: string; tutorMembershipId: string }; start?: boolean } = {}) {
    const candidateId = options.candidateId ?? (await factory.candidate(tenant)).id;
    const created = expectStatus(await staff().post('/pathways', { candidateId, certificationId: fx.certificationId }), 201);
    const id = created.body.id as string;
    let version = created.body.version as number;
    let contractId: string | undefined;
    let placementId: string | undefined;
    if (options.contract || options.placement) {
      const begin = addMonths(today(), -1);
      const contract = expectStatus(
        await staff().post(`/pathways/${id}/contracts`, {
          startDate: begin,
          plannedEndDate: addDays(addMonths(begin, 24), -1),
          payPercentOfSmic: 80,
          opcoFiledOn: addDays(begin, 2),
          ...(options.trial ? { trialEndDate: addDays(begin, 14) } : {}),
        }),
        201,
      );
      contractId = contract.body.id as string;
      if (options.placement) {
        const placed = expectStatus(await staff().post(`/pathways/${id}/placements`, { contractId, ...options.placement, startDate: begin }), 201);
        placementId = placed.body.placements[0].id as string;
        version = placed.body.version as number;
      }
    }
    if (options.start) {
      const started = expectStatus(await staff().post(`/pathways/${id}/transitions`, { action: 'start', expectedVersion: version }), 200);
      expect(started.body.pathway.state).toBe('EXPERIENCE');
    }
    return { id, candidateId, contractId: contractId!, placementId: placementId! };
  }

  async function cohort(): Promise<string> {
    const id = randomUUID();
    await pools.owner.query(`INSERT INTO cohorts (id, tenant_id, name, certification_id, start_date, updated_at) VALUES ($1, $2, $3, $4, '2027-01-04', now())`, [
      id,
      tenant.id,
      `Promo ${id.slice(0, 8)}`,
      fx.certificationId,
    ]);
    return id;
  }

  /** A tutor of the tenant, deactivated. */
  const formerTutor = async () => {
    const tutor = await factory.member(tenant, 'TUTOR');
    await pools.owner.query('UPDATE memberships SET disabled_at = now() WHERE id = $1', [tutor.membershipId]);
    return tutor.id;
  };

  const versionOf = async (pathwayId: string) => (await pools.owner.query('SELECT version FROM pathways WHERE id = $1', [pathwayId])).rows[0].version as number;
  const newTutor = async () => (await factory.member(tenant, 'TUTOR')).membershipId;

  /**
   * The request of each row. `fresh` is true for the cells expected to
   * succeed: a mutation then gets a record of its own, so that the shared
   * records stay as they were (checked at the end) and no cell depends on another.
   */
  type Call = (fresh: boolean) => Promise<{ path: string; body?: object }>;
  const CALLS: Record<Route, Call> = {
    'POST /employers': async () => ({ path: '/employers', body: { name: 'Matrice Industrie', siret: validSiret() } }),
    'GET /employers': async () => ({ path: '/employers?pageSize=100' }),
    'GET /employers/:id': async () => ({ path: `/employers/${fx.linked.employerId}` }),
    'PATCH /employers/:id': async (fresh) => ({ path: `/employers/${fresh ? (await factory.employer(tenant)).id : fx.linked.employerId}`, body: { city: 'Albi' } }),
    'DELETE /employers/:id': async (fresh) => ({ path: `/employers/${fresh ? (await factory.employer(tenant)).id : fx.linked.employerId}` }),

    'POST /certifications': async () => ({
      path: '/certifications',
      body: { kind: 'RNCP', code: `RNCP${randomUUID().slice(0, 8)}`, title: 'Soudeur assembleur industriel', certifier: 'Ministère du Travail', blocs: [{ code: 'CCP1', title: 'Souder à plat', competencies: [{ code: 'C1', title: 'Préparer le poste' }] }] },
    }),
    'GET /certifications': async () => ({ path: '/certifications?pageSize=100' }),
    'GET /certifications/:id': async () => ({ path: `/certifications/${fx.certificationId}` }),
    'PATCH /certifications/:id': async (fresh) => ({ path: `/certifications/${fresh ? (await factory.certification(tenant)).id : fx.certificationId}`, body: { title: 'Opérateur régleur (révisé)' } }),
    'DELETE /certifications/:id': async (fresh) => ({ path: `/certifications/${fresh ? (await factory.certification(tenant)).id : fx.certificationId}` }),

    'POST /candidates': async () => ({ path: '/candidates', body: { firstName: 'Inès', lastName: `Matrice-${randomUUID().slice(0, 8)}`, birthDate: '2001-03-14' } }),
    'GET /candidates': async () => ({ path: '/candidates?pageSize=100' }),
    'GET /candidates/:id': async () => ({ path: `/candidates/${fx.linked.candidateId}` }),
    'PATCH /candidates/:id': async (fresh) => ({ path: `/candidates/${fresh ? (await factory.candidate(tenant)).id : fx.linked.candidateId}`, body: { prescriber: 'France Travail' } }),
    'DELETE /candidates/:id': async (fresh) => ({ path: `/candidates/${fresh ? (await factory.candidate(tenant)).id : fx.spareCandidateId}` }),

    'POST /cohorts': async () => ({ path: '/cohorts', body: { name: 'Promotion matrice', certificationId: fx.certificationId, startDate: '2027-01-04' } }),
    'GET /cohorts': async () => ({ path: '/cohorts?pageSize=100' }),
    'GET /cohorts/:id': async () => ({ path: `/cohorts/${fx.cohortId}` }),
    'PATCH /cohorts/:id': async (fresh) => ({ path: `/cohorts/${fresh ? await cohort() : fx.cohortId}`, body: { name: 'Promotion renommée' } }),
    'DELETE /cohorts/:id': async (fresh) => ({ path: `/cohorts/${fresh ? await cohort() : fx.cohortId}` }),

    'POST /pathways': async (fresh) => ({ path: '/pathways', body: { candidateId: fresh ? (await factory.candidate(tenant)).id : fx.spareCandidateId, certificationId: fx.certificationId } }),
    'GET /pathways': async () => ({ path: '/pathways?pageSize=100' }),
    'GET /pathways/:id (linked)': async () => ({ path: `/pathways/${fx.linked.id}` }),
    'GET /pathways/:id (other)': async () => ({ path: `/pathways/${fx.other.id}` }),
    'PATCH /pathways/:id': async (fresh) => {
      const id = fresh ? (await pathway()).id : fx.linked.id;
      return { path: `/pathways/${id}`, body: { expectedVersion: await versionOf(id), activity: 'INACTIVE' } };
    },
    'POST /pathways/:id/transitions': async (fresh) => {
      const id = fresh ? (await pathway()).id : fx.linked.id;
      return { path: `/pathways/${id}/transitions`, body: { action: 'withdraw', expectedVersion: await versionOf(id), reason: 'Démission', date: today() } };
    },
    'GET /pathways/:id/history (linked)': async () => ({ path: `/pathways/${fx.linked.id}/history` }),
    'GET /pathways/:id/history (other)': async () => ({ path: `/pathways/${fx.other.id}/history` }),
    'POST /pathways/:id/contracts': async (fresh) => ({
      path: `/pathways/${fresh ? (await pathway()).id : fx.linked.id}/contracts`,
      body: { startDate: today(), plannedEndDate: addDays(addMonths(today(), 12), -1), payPercentOfSmic: 80 },
    }),
    'PATCH /pathways/:id/contracts/:contractId': async (fresh) => {
      const target = fresh ? await pathway({ contract: true }) : fx.linked;
      return { path: `/pathways/${target.id}/contracts/${target.contractId}`, body: { opco: 'OPCO 2i' } };
    },
    'POST /pathways/:id/placements': async (fresh) => {
      const target = fresh ? await pathway({ contract: true }) : fx.linked;
      return { path: `/pathways/${target.id}/placements`, body: { contractId: target.contractId, employerId: fx.spareEmployerId, tutorMembershipId: fresh ? await newTutor() : fx.spareTutorMembershipId, startDate: today() } };
    },
    'PATCH /pathways/:id/placements/:placementId': async (fresh) => {
      const target = fresh ? await pathway({ placement: { employerId: fx.spareEmployerId, tutorMembershipId: await newTutor() } }) : fx.linked;
      return { path: `/pathways/${target.id}/placements/${target.placementId}`, body: { endDate: today() } };
    },

    'GET /users': async () => ({ path: '/users?pageSize=100' }),
    'PATCH /users/:id': async (fresh) => ({ path: `/users/${fresh ? (await factory.member(tenant, 'TUTOR')).id : fx.spareTutorUserId}`, body: { role: 'COORDINATOR' } }),
    'POST /users/:id/deactivate': async (fresh) => ({ path: `/users/${fresh ? (await factory.member(tenant, 'TUTOR')).id : fx.spareTutorUserId}/deactivate` }),
    'POST /users/:id/reactivate': async (fresh) => ({ path: `/users/${fresh ? await formerTutor() : fx.spareTutorUserId}/reactivate` }),
    'GET /tutors': async () => ({ path: '/tutors?pageSize=100' }),
  };

  /** What a successful answer must show, beyond its status (run on 2xx only). */
  const CHECKS: Partial<Record<Route, (actor: Actor, response: Response) => void>> = {
    'GET /employers': (actor, r) => expect(ids(r).includes(fx.linked.employerId)).toBe(!isForeign(actor)),
    'GET /candidates': (actor, r) => expect(ids(r).includes(fx.linked.candidateId)).toBe(!isForeign(actor)),
    'GET /cohorts': (actor, r) => expect(ids(r).includes(fx.cohortId)).toBe(!isForeign(actor)),
    'GET /certifications': (actor, r) => {
      const shared = (r.body.items as { id: string; blocs: { competencies: unknown[] }[] }[]).find((c) => c.id === fx.certificationId);
      if (isForeign(actor)) return expect(shared).toBeUndefined();
      expect(shared?.blocs.flatMap((b) => b.competencies)).toHaveLength(4);
    },
    'GET /certifications/:id': (_actor, r) => {
      expect(r.body.blocs.map((b: { code: string }) => b.code)).toEqual(['B1', 'B2']);
      expect(r.body.blocs.flatMap((b: { competencies: { code: string }[] }) => b.competencies.map((c) => c.code))).toEqual(['B1.C1', 'B1.C2', 'B2.C1', 'B2.C2']);
    },
    'GET /pathways': (actor, r) => {
      const listed = ids(r);
      if (isStaff(actor)) expect(listed).toEqual(expect.arrayContaining([fx.linked.id, fx.other.id]));
      else if (isScoped(actor)) expect(listed).toEqual([fx.linked.id]);
      else expect(listed.filter((id) => id === fx.linked.id || id === fx.other.id)).toEqual([]);
    },
    'GET /pathways/:id (linked)': (actor, r) => {
      expect(r.body).toMatchObject({ id: fx.linked.id, state: 'EXPERIENCE' });
      // Only staff may run transitions: others see none offered, nor what holds one back.
      expect(r.body.availableActions.length > 0).toBe(isStaff(actor));
      if (!isStaff(actor)) expect(r.body.heldBackActions).toEqual([]);
    },
    'GET /pathways/:id (other)': (_actor, r) => expect(r.body.id).toBe(fx.other.id),
    'GET /pathways/:id/history (linked)': (_actor, r) => expect(r.body.map((h: { action: string }) => h.action)).toEqual(['create', 'start']),
    'GET /pathways/:id/history (other)': (_actor, r) => expect(r.body.map((h: { action: string }) => h.action)).toEqual(['create', 'start']),
    'POST /pathways/:id/transitions': (_actor, r) => expect(r.body.pathway.state).toBe('WITHDRAWN'),
    'PATCH /pathways/:id/placements/:placementId': (_actor, r) => expect(r.body.placements[0].endDate).toBe(today()),
    'GET /users': (actor, r) => {
      expect(ids(r).includes(fx.adminUserId)).toBe(!isForeign(actor));
      // A coordinator sees the staff only.
      expect(ids(r).includes(fx.spareTutorUserId)).toBe(actor === 'TENANT_ADMIN');
    },
    'PATCH /users/:id': (_actor, r) => expect(r.body.role).toBe('COORDINATOR'),
    'POST /users/:id/deactivate': (_actor, r) => expect(r.body.active).toBe(false),
    'POST /users/:id/reactivate': (_actor, r) => expect(r.body.active).toBe(true),
    'GET /tutors': (actor, r) => expect((r.body.items as { membershipId: string }[]).some((t) => t.membershipId === fx.spareTutorMembershipId)).toBe(!isForeign(actor)),
  };

  /** The shared records, as stored: refused calls must leave them exactly so. */
  async function sharedRows() {
    const rows = async (table: string, column: string, values: string[]) =>
      (await pools.owner.query(`SELECT to_jsonb(t) AS row FROM ${table} t WHERE ${column} = ANY($1::uuid[]) ORDER BY id`, [values])).rows.map((r) => r.row);
    const pathwayIds = [fx.linked.id, fx.other.id];
    return {
      employers: await rows('employers', 'id', [fx.linked.employerId, fx.spareEmployerId]),
      candidates: await rows('candidates', 'id', [fx.linked.candidateId, fx.spareCandidateId]),
      certifications: await rows('certifications', 'id', [fx.certificationId]),
      cohorts: await rows('cohorts', 'id', [fx.cohortId]),
      pathways: await rows('pathways', 'id', pathwayIds),
      contracts: await rows('contracts', 'pathway_id', pathwayIds),
      placements: await rows('placements', 'pathway_id', pathwayIds),
      history: await rows('status_history', 'pathway_id', pathwayIds),
      spareCandidatePathways: await rows('pathways', 'candidate_id', [fx.spareCandidateId]),
      spareTutorPlacements: await rows('placements', 'tutor_membership_id', [fx.spareTutorMembershipId]),
      spareTutorMembership: await rows('memberships', 'id', [fx.spareTutorMembershipId]),
    };
  }
  let before: Awaited<ReturnType<typeof sharedRows>>;

  beforeAll(async () => {
    app = await startApi(testConfig());
    tenant = await factory.tenant();
    const other = await factory.tenant('GEIQ Voisin');

    const tutor = await factory.member(tenant, 'TUTOR');
    const employerContact = await factory.member(tenant, 'EMPLOYER');
    const candidateUser = await factory.member(tenant, 'CANDIDATE');
    const people: Record<Actor, TestUser> = {
      TENANT_ADMIN: await factory.member(tenant, 'TENANT_ADMIN'),
      COORDINATOR: await factory.member(tenant, 'COORDINATOR'),
      TUTOR: tutor,
      EMPLOYER: employerContact,
      CANDIDATE: candidateUser,
      PLATFORM_ADMIN: await factory.user({ platformAdmin: true }),
      'other tenant’s TENANT_ADMIN': await factory.member(other, 'TENANT_ADMIN'),
      'other tenant’s COORDINATOR': await factory.member(other, 'COORDINATOR'),
      'other tenant’s TUTOR': await factory.member(other, 'TUTOR'),
      'other tenant’s EMPLOYER': await factory.member(other, 'EMPLOYER'),
      'other tenant’s CANDIDATE': await factory.member(other, 'CANDIDATE'),
    };
    const sessions = await Promise.all(ACTORS.map((actor) => login(app, people[actor].email, people[actor].password)));
    ACTORS.forEach((actor, i) => (tokens[actor] = sessions[i]!.accessToken));
    expect(sessions.map((s) => s.role)).toEqual(ACTORS.map((actor) => actor.replace('other tenant’s ', '')));

    const employer = await factory.employer(tenant);
    const candidate = await factory.candidate(tenant);
    const spareTutor = await factory.member(tenant, 'TUTOR');
    fx = {
      certificationId: (await factory.certification(tenant)).id,
      cohortId: '',
      linked: { id: '', contractId: '', placementId: '', candidateId: candidate.id, employerId: employer.id },
      other: { id: '' },
      spareEmployerId: (await factory.employer(tenant)).id,
      spareCandidateId: (await factory.candidate(tenant)).id,
      spareTutorMembershipId: spareTutor.membershipId,
      spareTutorUserId: spareTutor.id,
      adminUserId: people.TENANT_ADMIN.id,
    };
    fx.cohortId = await cohort();
    fx.linked = { ...(await pathway({ candidateId: candidate.id, placement: { employerId: employer.id, tutorMembershipId: tutor.membershipId }, start: true })), employerId: employer.id };
    fx.other = await pathway({ placement: { employerId: (await factory.employer(tenant)).id, tutorMembershipId: await newTutor() }, start: true });

    // The employer contact works for the linked pathway's company; the candidate account is the linked pathway's candidate.
    await pools.owner.query('UPDATE memberships SET employer_id = $1 WHERE id = $2', [employer.id, employerContact.membershipId]);
    await pools.owner.query('UPDATE memberships SET candidate_id = $1 WHERE id = $2', [candidate.id, candidateUser.membershipId]);

    before = await sharedRows();
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  it('has a row for every route of the controllers it covers', () => {
    const declared: string[] = [];
    for (const module of app.get(ModulesContainer).values()) {
      for (const controller of module.controllers.values()) {
        const type = controller.metatype as new (...args: never[]) => unknown;
        if (!IN_MATRIX.includes(type.name)) continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
        for (const name of Object.getOwnPropertyNames(type.prototype)) {
          const handler = (type.prototype as Record<string, unknown>)[name];
          if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
          const path = `/${[base, String(Reflect.getMetadata(PATH_METADATA, handler))].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
          declared.push(`${method} ${path}`);
        }
      }
    }
    const inMatrix = [...new Set(Object.keys(MATRIX).map((route) => route.replace(/ \(.*\)$/, '')))];
    expect(declared.sort()).toEqual(inMatrix.sort());
  });

  describe.each(Object.keys(MATRIX) as Route[])('%s', (route) => {
    const method = route.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'DELETE';
    const expected = MATRIX[route];

    it.each(ACTORS.map((actor, i) => [actor, expected[i]!] as const))('%s → %i', async (actor, status) => {
      const { path, body } = await CALLS[route](status >= 200 && status < 300);
      const session = as(tokens[actor]);
      const response = await (method === 'GET' ? session.get(path) : method === 'DELETE' ? session.delete(path) : session[method === 'POST' ? 'post' : 'patch'](path, body ?? {}));
      // On a wrong status the whole answer shows in the diff.
      expect({ status: response.status, code: response.body?.code, body: response.status === status ? undefined : response.body }).toEqual({
        status,
        code: status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : status === 400 ? 'VALIDATION_FAILED' : response.body?.code,
        body: undefined,
      });
      if (status < 300) CHECKS[route]?.(actor, response);
    });
  });

  it('refused calls changed nothing: the shared records are as they were', async () => {
    expect(await sharedRows()).toEqual(before);
  });
});
