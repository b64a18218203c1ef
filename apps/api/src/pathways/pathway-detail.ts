import {
  fromJson,
  jsonObject,
  Prisma,
  type Admissibility,
  type BlocResult,
  type Candidate,
  type Certification,
  type Contract,
  type JsonColumns,
  type JurySession,
  type Pathway,
  type Placement,
  type ValidationDossier,
} from '@jalon/server/database';

/**
 * A pathway as its page and its rules need it: its candidate (with the
 * recevabilité requests of `requestsYear` on all her pathways, which the
 * yearly quota counts), certification, contracts, placements (company and
 * tutor's name), VAE records and the kinds of its documents.
 */
export interface PathwayDetail extends Pathway {
  candidate: Pick<Candidate, 'id' | 'firstName' | 'lastName' | 'birthDate' | 'qualificationLevel' | 'publicCategory'> & {
    pathways: Array<{ certificationId: string; admissibilities: Array<{ blocsOnly: boolean }> }>;
  };
  certification: Pick<Certification, 'id' | 'code' | 'title' | 'admissibilityValidityMonths'> & { blocs: Array<{ code: string }> };
  contracts: Contract[];
  placements: Array<Placement & { employer: { id: string; name: string }; tutor: { user: { firstName: string; lastName: string } } }>;
  admissibilities: Admissibility[];
  validationDossiers: ValidationDossier[];
  jurySessions: Array<JurySession & { blocResults: BlocResult[] }>;
  documents: Array<{ kind: string }>;
  /** The (Paris) calendar year of the candidate's requests it carries. */
  requestsYear: number;
}

const PATHWAY: JsonColumns<Pathway> = {
  id: 'value',
  tenantId: 'value',
  candidateId: 'value',
  certificationId: 'value',
  targetBlocCodes: 'list',
  cohortId: 'value',
  referentCoordinatorId: 'value',
  state: 'value',
  stateText: 'value',
  version: 'value',
  activity: 'value',
  exitOutcome: 'value',
  acquiredBlocCodes: 'list',
  lastActivityAt: 'date',
  acquiredShare: 'value',
  createdAt: 'date',
  updatedAt: 'date',
};

const CONTRACT: JsonColumns<Contract> = {
  id: 'value',
  tenantId: 'value',
  pathwayId: 'value',
  kind: 'value',
  startDate: 'date',
  plannedEndDate: 'date',
  trialEndDate: 'date',
  actualEndDate: 'date',
  terminationReason: 'value',
  terminatedInTrial: 'value',
  weeklyHours: 'decimal',
  payPercentOfSmic: 'value',
  opco: 'value',
  opcoFiledOn: 'date',
  opcoDecision: 'value',
  annualFundingEur: 'value',
  isRenewal: 'value',
  createdAt: 'date',
  updatedAt: 'date',
};

const PLACEMENT: JsonColumns<Placement> = {
  id: 'value',
  tenantId: 'value',
  contractId: 'value',
  pathwayId: 'value',
  employerId: 'value',
  tutorMembershipId: 'value',
  tutorIsEmployer: 'value',
  startDate: 'date',
  endDate: 'date',
  tutorLastEntryOn: 'date',
  createdAt: 'date',
};

const ADMISSIBILITY: JsonColumns<Admissibility> = {
  id: 'value',
  tenantId: 'value',
  pathwayId: 'value',
  attempt: 'value',
  isActive: 'value',
  blocsOnly: 'value',
  submittedOn: 'date',
  completeOn: 'date',
  decision: 'value',
  decidedOn: 'date',
  isImplicit: 'value',
  validUntil: 'date',
  createdAt: 'date',
};

const VALIDATION_DOSSIER: JsonColumns<ValidationDossier> = {
  id: 'value',
  tenantId: 'value',
  pathwayId: 'value',
  attempt: 'value',
  isActive: 'value',
  submittedOn: 'date',
  returnedOn: 'date',
  returnReason: 'value',
  createdAt: 'date',
};

const JURY_SESSION: JsonColumns<JurySession> = {
  id: 'value',
  tenantId: 'value',
  pathwayId: 'value',
  attempt: 'value',
  isActive: 'value',
  date: 'date',
  place: 'value',
  result: 'value',
  resultRecordedAt: 'date',
  createdAt: 'date',
};

const BLOC_RESULT: JsonColumns<BlocResult> = { id: 'value', tenantId: 'value', jurySessionId: 'value', blocCode: 'value', acquired: 'value' };

/** The days of a calendar year: from its first, until the next year's first. */
export const yearDays = (year: number) => ({ from: `${year}-01-01`, until: `${year + 1}-01-01` });

/** The rows of a subquery as a JSON array, in `order` ('[]' when there are none). */
const jsonRows = (object: Prisma.Sql, from: Prisma.Sql, order: Prisma.Sql) =>
  Prisma.sql`(SELECT coalesce(json_agg(${object} ORDER BY ${order}), '[]'::json) ${from})`;

const ofPathway = (alias: string) => Prisma.raw(`${alias}.tenant_id = p.tenant_id AND ${alias}.pathway_id = p.id`);

/** The pathway's own parts, as columns of the statement's row: the same text for every pathway, built once. */
const PATHWAY_PARTS = Prisma.sql`
  ${jsonObject('p', PATHWAY)} AS pathway,
  (SELECT json_build_object('id', k.id, 'code', k.code, 'title', k.title, 'admissibilityValidityMonths', k.admissibility_validity_months,
                            'blocs', ${jsonRows(Prisma.sql`json_build_object('code', b.code)`, Prisma.sql`FROM blocs b WHERE b.tenant_id = k.tenant_id AND b.certification_id = k.id`, Prisma.sql`b.position`)})
   FROM certifications k WHERE k.tenant_id = p.tenant_id AND k.id = p.certification_id) AS certification,
  ${jsonRows(jsonObject('ct', CONTRACT), Prisma.sql`FROM contracts ct WHERE ${ofPathway('ct')}`, Prisma.sql`ct.start_date, ct.id`)} AS contracts,
  ${jsonRows(
    jsonObject(
      'pl',
      PLACEMENT,
      Prisma.sql`'employer', json_build_object('id', e.id, 'name', e.name), 'tutor', json_build_object('user', json_build_object('firstName', u.first_name, 'lastName', u.last_name))`,
    ),
    Prisma.sql`FROM placements pl
               JOIN employers e ON e.tenant_id = pl.tenant_id AND e.id = pl.employer_id
               JOIN memberships m ON m.tenant_id = pl.tenant_id AND m.id = pl.tutor_membership_id
               JOIN users u ON u.id = m.user_id
               WHERE ${ofPathway('pl')}`,
    Prisma.sql`pl.start_date, pl.id`,
  )} AS placements,
  ${jsonRows(jsonObject('a', ADMISSIBILITY), Prisma.sql`FROM admissibilities a WHERE ${ofPathway('a')}`, Prisma.sql`a.attempt`)} AS admissibilities,
  ${jsonRows(jsonObject('v', VALIDATION_DOSSIER), Prisma.sql`FROM validation_dossiers v WHERE ${ofPathway('v')}`, Prisma.sql`v.attempt`)} AS validation_dossiers,
  ${jsonRows(
    jsonObject(
      'j',
      JURY_SESSION,
      Prisma.sql`'blocResults', ${jsonRows(jsonObject('r', BLOC_RESULT), Prisma.sql`FROM bloc_results r WHERE r.tenant_id = j.tenant_id AND r.jury_session_id = j.id`, Prisma.sql`r.bloc_code`)}`,
    ),
    Prisma.sql`FROM jury_sessions j WHERE ${ofPathway('j')}`,
    Prisma.sql`j.attempt`,
  )} AS jury_sessions,
  ${jsonRows(Prisma.sql`json_build_object('kind', d.kind)`, Prisma.sql`FROM documents d WHERE ${ofPathway('d')} AND d.deleted_at IS NULL`, Prisma.sql`d.id`)} AS documents`;

/**
 * The pathway `id` with everything of PathwayDetail, in one statement whose
 * one row holds each part as JSON; no row when it is not within `scope`
 * (a condition on the pathway, alias `p`).
 */
export function pathwayDetailStatement(tenantId: string, id: string, scope: Prisma.Sql, requestsYear: number): Prisma.Sql {
  const year = yearDays(requestsYear);
  const requestsOfYear = jsonRows(
    Prisma.sql`json_build_object('blocsOnly', ca.blocs_only)`,
    Prisma.sql`FROM admissibilities ca WHERE ca.tenant_id = cp.tenant_id AND ca.pathway_id = cp.id AND ca.submitted_on >= ${year.from}::date AND ca.submitted_on < ${year.until}::date`,
    Prisma.sql`ca.id`,
  );
  return Prisma.sql`
    SELECT ${PATHWAY_PARTS},
      (SELECT json_build_object('id', c.id, 'firstName', c.first_name, 'lastName', c.last_name, 'birthDate', c.birth_date,
                                'qualificationLevel', c.qualification_level, 'publicCategory', c.public_category,
                                'pathways', ${jsonRows(
                                  Prisma.sql`json_build_object('certificationId', cp.certification_id, 'admissibilities', ${requestsOfYear})`,
                                  Prisma.sql`FROM pathways cp WHERE cp.tenant_id = c.tenant_id AND cp.candidate_id = c.id`,
                                  Prisma.sql`cp.id`,
                                )})
       FROM candidates c WHERE c.tenant_id = p.tenant_id AND c.id = p.candidate_id) AS candidate
    FROM pathways p
    WHERE p.tenant_id = ${tenantId}::uuid AND p.id = ${id}::uuid AND ${scope}`;
}

type Json = Record<string, unknown>;

/** One row of pathwayDetailStatement. */
export interface PathwayDetailRow {
  pathway: Json;
  candidate: Json & { birthDate: string };
  certification: PathwayDetail['certification'];
  contracts: Json[];
  placements: Json[];
  admissibilities: Json[];
  validation_dossiers: Json[];
  jury_sessions: Array<Json & { blocResults: Json[] }>;
  documents: PathwayDetail['documents'];
}

export function toPathwayDetail(row: PathwayDetailRow, requestsYear: number): PathwayDetail {
  return {
    ...fromJson(PATHWAY, row.pathway),
    candidate: { ...(row.candidate as unknown as PathwayDetail['candidate']), birthDate: new Date(row.candidate.birthDate) },
    certification: row.certification,
    contracts: row.contracts.map((c) => fromJson(CONTRACT, c)),
    placements: row.placements.map((pl) => fromJson(PLACEMENT, pl) as PathwayDetail['placements'][number]),
    admissibilities: row.admissibilities.map((a) => fromJson(ADMISSIBILITY, a)),
    validationDossiers: row.validation_dossiers.map((v) => fromJson(VALIDATION_DOSSIER, v)),
    jurySessions: row.jury_sessions.map((j) => ({ ...fromJson(JURY_SESSION, j), blocResults: j.blocResults.map((r) => fromJson(BLOC_RESULT, r)) })),
    documents: row.documents,
    requestsYear,
  };
}
