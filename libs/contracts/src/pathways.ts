import { z } from 'zod';
import { ADMISSIBILITY_DECISIONS, EXIT_OUTCOMES, JURY_RESULTS, PATHWAY_STATES } from '@jalon/domain';
import { csv, IdSchema, LocalDateSchema, PageQuery, SearchQuery } from './common.js';

/** The states of the VAE state machine (DESIGN.md §4), from the domain library. */
export const PATHWAY_STATE_VALUES = PATHWAY_STATES;
export type PathwayStateValue = (typeof PATHWAY_STATE_VALUES)[number];

const BlocCodes = z.array(z.string().trim().min(1).max(30)).max(30);

export const CreatePathwayRequest = z.strictObject({
  candidateId: z.uuid({ error: 'Choisissez la personne accompagnée' }),
  certificationId: z.uuid({ error: 'Choisissez la certification visée' }),
  /** Omitted or empty: the full certification. */
  targetBlocCodes: BlocCodes.default([]),
  cohortId: IdSchema.optional(),
  referentCoordinatorId: IdSchema.optional(),
});
export type CreatePathwayInput = z.infer<typeof CreatePathwayRequest>;

export const UpdatePathwayRequest = z.strictObject({
  expectedVersion: z.number().int().min(1),
  cohortId: IdSchema.nullable().optional(),
  referentCoordinatorId: IdSchema.nullable().optional(),
  activity: z.enum(['ACTIVE', 'INACTIVE']).optional(),
});
export type UpdatePathwayInput = z.infer<typeof UpdatePathwayRequest>;

export const ListPathwaysQuery = PageQuery.extend({
  /** One state or several, comma-separated. */
  state: csv(z.enum(PATHWAY_STATE_VALUES)).optional(),
  cohortId: IdSchema.optional(),
  coordinatorId: IdSchema.optional(),
  /** Pathways ever placed with this member company. */
  employerId: IdSchema.optional(),
  candidateId: IdSchema.optional(),
  /** Membership id of a company tutor. */
  tutorId: IdSchema.optional(),
  activity: z.enum(['ACTIVE', 'INACTIVE']).optional(),
  /** Candidate name; accents and case do not matter. */
  q: SearchQuery.optional(),
  sort: z.enum(['updatedAt', '-updatedAt', 'createdAt', '-createdAt', 'candidate', '-candidate', 'state', '-state']).default('-updatedAt'),
});
export type ListPathwaysInput = z.infer<typeof ListPathwaysQuery>;

export const CONTRACT_KINDS = ['VAE_INVERSEE', 'ORDINARY'] as const;
export const OPCO_DECISIONS = ['PENDING', 'ACCEPTED', 'ACCEPTED_IMPLICIT', 'REFUSED'] as const;

export const ContractFields = z.strictObject({
  kind: z.enum(CONTRACT_KINDS).default('VAE_INVERSEE'),
  startDate: LocalDateSchema,
  plannedEndDate: LocalDateSchema,
  trialEndDate: LocalDateSchema.optional(),
  weeklyHours: z.number().min(1).max(48).optional(),
  payPercentOfSmic: z.number({ error: 'Rémunération : un nombre entier de 1 à 300 (% du SMIC)' }).int().min(1).max(300),
  opco: z.string().trim().max(100).optional(),
  opcoFiledOn: LocalDateSchema.optional(),
  opcoDecision: z.enum(OPCO_DECISIONS).default('PENDING'),
  annualFundingEur: z.number().int().min(0).max(1_000_000).optional(),
  /** Whether the candidate belongs to a priority public or a branch agreement allows 24 months (ordinary contracts). */
  branchAgreementAllows24Months: z.boolean().optional(),
  isRenewal: z.boolean().default(false),
});
export const CreateContractRequest = ContractFields;
export type CreateContractInput = z.infer<typeof CreateContractRequest>;
// .partial() keeps defaults: a field left out of a PATCH must stay as it is, not be reset.
// The optional details also take null: emptied in an edit, they are cleared.
export const UpdateContractRequest = ContractFields.partial().extend({
  trialEndDate: LocalDateSchema.nullable().optional(),
  weeklyHours: ContractFields.shape.weeklyHours.unwrap().nullable().optional(),
  opco: ContractFields.shape.opco.unwrap().nullable().optional(),
  opcoFiledOn: LocalDateSchema.nullable().optional(),
  annualFundingEur: ContractFields.shape.annualFundingEur.unwrap().nullable().optional(),
  kind: z.enum(CONTRACT_KINDS).optional(),
  opcoDecision: z.enum(OPCO_DECISIONS).optional(),
  isRenewal: z.boolean().optional(),
  actualEndDate: LocalDateSchema.optional(),
  terminationReason: z.string().trim().max(500).optional(),
  terminatedInTrial: z.boolean().optional(),
});
export type UpdateContractInput = z.infer<typeof UpdateContractRequest>;

export const CreatePlacementRequest = z.strictObject({
  contractId: IdSchema,
  employerId: z.uuid({ error: 'Choisissez l’entreprise d’accueil' }),
  /** Membership id of the company tutor (role TUTOR). */
  tutorMembershipId: z.uuid({ error: 'Choisissez le tuteur en entreprise' }),
  tutorIsEmployer: z.boolean().default(false),
  startDate: LocalDateSchema,
  endDate: LocalDateSchema.optional(),
});
export type CreatePlacementInput = z.infer<typeof CreatePlacementRequest>;
export const UpdatePlacementRequest = z.strictObject({ endDate: LocalDateSchema });
export type UpdatePlacementInput = z.infer<typeof UpdatePlacementRequest>;

const Version = { expectedVersion: z.number({ error: 'expectedVersion requis (la version du parcours lue)' }).int().min(1) };

/** `POST /pathways/:id/transitions`: the action and what it needs (DESIGN.md §4). */
export const TransitionRequest = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start'), ...Version }),
  z.strictObject({ action: z.literal('submitAdmissibility'), ...Version, submittedOn: LocalDateSchema, completeOn: LocalDateSchema.optional() }),
  z.strictObject({
    action: z.literal('recordAdmissibility'),
    ...Version,
    decision: z.enum(ADMISSIBILITY_DECISIONS),
    decidedOn: LocalDateSchema,
    validUntil: LocalDateSchema.optional(),
    completeOn: LocalDateSchema.optional(),
  }),
  z.strictObject({ action: z.literal('submitDossier'), ...Version, submittedOn: LocalDateSchema }),
  z.strictObject({ action: z.literal('returnDossier'), ...Version, returnedOn: LocalDateSchema, reason: z.string().trim().min(1, { error: 'Motif requis' }).max(1000) }),
  z.strictObject({ action: z.literal('scheduleJury'), ...Version, date: LocalDateSchema, place: z.string().trim().max(300).optional() }),
  z.strictObject({ action: z.literal('rescheduleJury'), ...Version, date: LocalDateSchema, place: z.string().trim().max(300).optional() }),
  z.strictObject({ action: z.literal('recordJuryResult'), ...Version, result: z.enum(JURY_RESULTS), acquiredBlocCodes: BlocCodes.optional() }),
  z.strictObject({ action: z.literal('resume'), ...Version }),
  z.strictObject({ action: z.literal('close'), ...Version, exitOutcome: z.enum(EXIT_OUTCOMES) }),
  z.strictObject({ action: z.literal('withdraw'), ...Version, reason: z.string().trim().min(1, { error: 'Motif requis' }).max(1000), date: LocalDateSchema, inTrial: z.boolean().default(false) }),
]);
export type TransitionInput = z.infer<typeof TransitionRequest>;

export interface ContractView {
  id: string;
  kind: (typeof CONTRACT_KINDS)[number];
  startDate: string;
  plannedEndDate: string;
  trialEndDate: string | null;
  actualEndDate: string | null;
  terminationReason: string | null;
  weeklyHours: number | null;
  payPercentOfSmic: number;
  opco: string | null;
  opcoFiledOn: string | null;
  opcoDecision: (typeof OPCO_DECISIONS)[number];
  annualFundingEur: number | null;
  isRenewal: boolean;
}

export interface PlacementView {
  id: string;
  contractId: string;
  employer: { id: string; name: string };
  tutor: { membershipId: string; firstName: string; lastName: string };
  tutorIsEmployer: boolean;
  startDate: string;
  endDate: string | null;
}

export interface PathwaySummary {
  id: string;
  state: PathwayStateValue;
  version: number;
  activity: 'ACTIVE' | 'INACTIVE';
  candidate: { id: string; firstName: string; lastName: string };
  certification: { id: string; code: string; title: string };
  cohortId: string | null;
  referentCoordinatorId: string | null;
  updatedAt: string;
}

export interface PathwayView extends PathwaySummary {
  targetBlocCodes: string[];
  acquiredBlocCodes: string[];
  exitOutcome: string | null;
  contracts: ContractView[];
  placements: PlacementView[];
  admissibilities: { id: string; attempt: number; isActive: boolean; blocsOnly: boolean; submittedOn: string; completeOn: string | null; decision: string | null; decidedOn: string | null; isImplicit: boolean; validUntil: string | null }[];
  validationDossiers: { id: string; attempt: number; isActive: boolean; submittedOn: string; returnedOn: string | null; returnReason: string | null }[];
  jurySessions: { id: string; attempt: number; isActive: boolean; date: string; place: string | null; result: string | null; blocResults: { blocCode: string; acquired: boolean }[] }[];
  /** What the caller may do next (empty for roles that cannot run transitions). */
  availableActions: string[];
  /** Actions of the current step not possible yet, each with what is missing, in French (empty for roles that cannot run transitions). */
  heldBackActions: { action: string; reason: string }[];
  createdAt: string;
}

export interface StatusHistoryView {
  id: string;
  fromState: PathwayStateValue | null;
  toState: PathwayStateValue;
  action: string;
  payload: unknown;
  actorId: string | null;
  occurredAt: string;
}

export interface TransitionResponse {
  pathway: PathwayView;
  warnings: { code: string; message: string }[];
}

/** French names of the states and the actions' button labels, for messages and the web app. */
export { PATHWAY_STATE_LABELS, PATHWAY_ACTION_LABELS, type PathwayActionType } from '@jalon/domain';
