import { FRENCH_REGULATION as R } from '../regulation/french-regulation.js';
import { PATHWAY_ACTION_LABELS, PATHWAY_ACTIONS, type JuryResult, type PathwayAction, type PathwayActionType } from './pathway.actions.js';
import { allowedFrom, availableActions, heldBackActions, transition } from './pathway.machine.js';
import { PATHWAY_STATE_LABELS, PATHWAY_STATES, type PathwayState } from './pathway.states.js';
import type { PathwayEvent, PathwaySnapshot } from './pathway.types.js';


/*
 * Fixtures. "Today" is 2026-06-15 in
 * Paris; each state gets a realistic snapshot of a pathway in that state,
 * with every guard of its actions satisfied.
 */
const TODAY = '2026-06-15';
const NOW = new Date('2026-06-15T08:00:00Z');

const CONTRACT = { startDate: '2025-09-01', plannedEndDate: '2028-08-31', opcoFiledOn: '2025-09-03', endedOn: null };
const REQUEST = { certificationId: 'cert-1', blocsOnly: false };

const base: PathwaySnapshot = {
  state: 'CERTIFICATION_CHOSEN',
  certification: { id: 'cert-1', blocCodes: ['BC01', 'BC02', 'BC03'], admissibilityValidityMonths: 12 },
  targetBlocCodes: null,
  contract: CONTRACT,
  hasCurrentPlacementWithTutor: true,
  documentKinds: ['ID', 'CV'],
  admissibilityRequestsThisYear: [],
  activeAdmissibility: null,
  activeJury: null,
  acquiredBlocCodes: [],
};

const pending = { submittedOn: '2026-03-01', completeOn: '2026-03-10', decision: null, validUntil: null };
const admissible = { ...pending, decision: 'ADMISSIBLE' as const, validUntil: '2027-04-20' };
const afterVae = { admissibilityRequestsThisYear: [REQUEST], activeAdmissibility: admissible, documentKinds: ['ID', 'CV', 'ADMISSIBILITY_FORM'] };
const heldJury = { date: '2026-06-10' };

const BY_STATE: Record<PathwayState, Omit<PathwaySnapshot, 'state'>> = {
  CERTIFICATION_CHOSEN: base,
  EXPERIENCE: { ...base, documentKinds: ['ID', 'CV', 'ADMISSIBILITY_FORM'] },
  ADMISSIBILITY_PENDING: { ...base, ...afterVae, activeAdmissibility: pending },
  DOSSIER: { ...base, ...afterVae },
  DOSSIER_SUBMITTED: { ...base, ...afterVae },
  JURY_SCHEDULED: { ...base, ...afterVae, activeJury: heldJury },
  CERTIFIED: { ...base, ...afterVae, activeJury: heldJury, acquiredBlocCodes: ['BC01', 'BC02', 'BC03'] },
  PARTIALLY_CERTIFIED: { ...base, ...afterVae, activeJury: heldJury, acquiredBlocCodes: ['BC02'] },
  NOT_CERTIFIED: { ...base, ...afterVae, activeJury: heldJury },
  CLOSED: { ...base, ...afterVae, activeJury: heldJury, acquiredBlocCodes: ['BC01', 'BC02', 'BC03'] },
  WITHDRAWN: { ...base, ...afterVae },
};

/** A deep-frozen snapshot, so a test fails if the machine mutates its input. */
function snapshotIn(state: PathwayState, changes: Partial<PathwaySnapshot> = {}): PathwaySnapshot {
  return deepFreeze(structuredClone({ ...BY_STATE[state], ...changes, state }));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

// ---------------------------------------------------------------------------
// The table: every (state, action) pair has an entry. `X` = refused with
// TRANSITION_NOT_ALLOWED; otherwise the cases to run from that state.

interface Case {
  name: string;
  action: PathwayAction;
  /** Changes to the state's snapshot. */
  given?: Partial<PathwaySnapshot>;
  now?: Date;
  /** Accepted: the resulting state, and the exact events and warning codes. */
  to?: PathwayState;
  events?: PathwayEvent[];
  warnings?: string[];
  /** Refused: the rule's code (and field). */
  code?: string;
  path?: string;
}

const X = 'NOT_ALLOWED' as const;
type Expectation = Case[] | typeof X;

const START: Case[] = [
  { name: 'starts', action: { type: 'start' }, to: 'EXPERIENCE', events: [{ type: 'PathwayStarted', on: TODAY }], warnings: [] },
  {
    name: 'starts, warning about a late OPCO filing',
    action: { type: 'start' },
    given: { contract: { ...CONTRACT, opcoFiledOn: '2025-09-07' } },
    to: 'EXPERIENCE',
    warnings: ['OPCO_FILED_LATE'],
  },
  { name: 'needs a contract', action: { type: 'start' }, given: { contract: null }, code: 'START_REQUIRES_CONTRACT' },
  { name: 'needs a running contract', action: { type: 'start' }, given: { contract: { ...CONTRACT, endedOn: '2026-06-01' } }, code: 'START_REQUIRES_CONTRACT' },
  { name: 'waits for the contract start', action: { type: 'start' }, given: { contract: { ...CONTRACT, startDate: '2026-07-01' } }, code: 'START_CONTRACT_NOT_STARTED' },
  { name: 'needs the OPCO filing', action: { type: 'start' }, given: { contract: { ...CONTRACT, opcoFiledOn: null } }, code: 'START_REQUIRES_OPCO_FILING' },
  { name: 'needs a tutor', action: { type: 'start' }, given: { hasCurrentPlacementWithTutor: false }, code: 'START_REQUIRES_TUTOR' },
];

const submit = (submittedOn: string, completeOn?: string): PathwayAction => ({
  type: 'submitAdmissibility',
  submittedOn,
  ...(completeOn ? { completeOn } : {}),
});
const three = [
  { certificationId: 'a', blocsOnly: false },
  { certificationId: 'b', blocsOnly: false },
  { certificationId: 'c', blocsOnly: false },
];

const SUBMIT_ADMISSIBILITY: Case[] = [
  {
    name: 'submits a complete file',
    action: submit('2026-06-10', '2026-06-12'),
    to: 'ADMISSIBILITY_PENDING',
    events: [{ type: 'AdmissibilitySubmitted', certificationId: 'cert-1', blocsOnly: false, submittedOn: '2026-06-10', completeOn: '2026-06-12' }],
    warnings: [],
  },
  {
    name: 'submits a file not yet complete',
    action: submit('2026-06-15'),
    to: 'ADMISSIBILITY_PENDING',
    events: [{ type: 'AdmissibilitySubmitted', certificationId: 'cert-1', blocsOnly: false, submittedOn: '2026-06-15', completeOn: null }],
  },
  {
    name: 'submits for blocs beyond the quota',
    action: submit('2026-06-15'),
    given: { targetBlocCodes: ['BC02'], admissibilityRequestsThisYear: [...three, { certificationId: 'cert-1', blocsOnly: false }] },
    to: 'ADMISSIBILITY_PENDING',
    events: [{ type: 'AdmissibilitySubmitted', certificationId: 'cert-1', blocsOnly: true, submittedOn: '2026-06-15', completeOn: null }],
  },
  { name: 'needs the livret 1', action: submit('2026-06-10'), given: { documentKinds: ['ID'] }, code: 'ADMISSIBILITY_DOCUMENTS_MISSING' },
  {
    name: 'allows one request per certification a year',
    action: submit('2026-06-10'),
    given: { admissibilityRequestsThisYear: [{ certificationId: 'cert-1', blocsOnly: false }] },
    code: 'ADMISSIBILITY_QUOTA_CERTIFICATION',
  },
  { name: 'allows three certifications a year', action: submit('2026-06-10'), given: { admissibilityRequestsThisYear: three }, code: 'ADMISSIBILITY_QUOTA_YEAR' },
  { name: 'refuses a future submission', action: submit('2026-06-16'), code: 'DATE_IN_FUTURE', path: 'submittedOn' },
  { name: 'refuses an invalid date', action: submit('2026-02-30'), code: 'DATE_INVALID', path: 'submittedOn' },
  { name: 'refuses a future complete date', action: submit('2026-06-10', '2026-06-16'), code: 'DATE_IN_FUTURE', path: 'completeOn' },
  { name: 'refuses complete before submitted', action: submit('2026-06-10', '2026-06-09'), code: 'ADMISSIBILITY_COMPLETE_DATE_INVALID', path: 'completeOn' },
];

/** From DOSSIER, a new request once the recevabilité has expired (made last year). */
const expired = { submittedOn: '2025-03-01', completeOn: '2025-03-10', decision: 'ADMISSIBLE' as const, validUntil: '2026-06-01' };
const RESUBMIT_ADMISSIBILITY: Case[] = [
  {
    name: 'submits a new request once the recevabilité has expired',
    action: submit('2026-06-15'),
    given: { activeAdmissibility: expired, admissibilityRequestsThisYear: [] },
    to: 'ADMISSIBILITY_PENDING',
    events: [{ type: 'AdmissibilitySubmitted', certificationId: 'cert-1', blocsOnly: false, submittedOn: '2026-06-15', completeOn: null }],
  },
  { name: 'refuses while the recevabilité is valid', action: submit('2026-06-15'), code: 'ADMISSIBILITY_STILL_VALID' },
  {
    name: 'still applies the quota',
    action: submit('2026-06-15'),
    given: { activeAdmissibility: expired, admissibilityRequestsThisYear: [{ certificationId: 'cert-1', blocsOnly: false }] },
    code: 'ADMISSIBILITY_QUOTA_CERTIFICATION',
  },
];

type Decision = Extract<PathwayAction, { type: 'recordAdmissibility' }>;
const decide = (decision: Decision['decision'], decidedOn: string, extra: Partial<Decision> = {}): PathwayAction => ({
  type: 'recordAdmissibility',
  decision,
  decidedOn,
  ...extra,
});
const decidedEvent = (fields: Omit<Extract<PathwayEvent, { type: 'AdmissibilityDecided' }>, 'type'>): PathwayEvent => ({ type: 'AdmissibilityDecided', ...fields });
const pendingWithout = (completeOn: string | null) => ({ activeAdmissibility: { submittedOn: '2026-03-01', completeOn, decision: null, validUntil: null } });

const RECORD_ADMISSIBILITY: Case[] = [
  {
    name: 'INCOMPLETE keeps the request pending and clears the complete date',
    action: decide('INCOMPLETE', '2026-03-05'),
    to: 'ADMISSIBILITY_PENDING',
    events: [decidedEvent({ decision: 'INCOMPLETE', decidedOn: '2026-03-05', implicit: false, completeOn: null, validUntil: null })],
    warnings: [],
  },
  {
    name: 'ADMISSIBLE computes the validity from the certification (12 months)',
    action: decide('ADMISSIBLE', '2026-04-20'),
    to: 'DOSSIER',
    events: [decidedEvent({ decision: 'ADMISSIBLE', decidedOn: '2026-04-20', implicit: false, completeOn: '2026-03-10', validUntil: '2027-04-20' })],
    warnings: [],
  },
  {
    name: 'ADMISSIBLE keeps the validity written on the decision',
    action: decide('ADMISSIBLE', '2026-04-20', { validUntil: '2029-04-20', completeOn: '2026-03-12' }),
    to: 'DOSSIER',
    events: [decidedEvent({ decision: 'ADMISSIBLE', decidedOn: '2026-04-20', implicit: false, completeOn: '2026-03-12', validUntil: '2029-04-20' })],
  },
  {
    name: 'ADMISSIBLE already expired is recorded with a warning',
    action: decide('ADMISSIBLE', '2026-04-20', { validUntil: '2026-06-01' }),
    to: 'DOSSIER',
    warnings: ['ADMISSIBILITY_ALREADY_EXPIRED'],
  },
  {
    name: 'ADMISSIBLE_IMPLICIT two months after the complete file, validity from that day',
    action: decide('ADMISSIBLE_IMPLICIT', '2026-05-10'),
    to: 'DOSSIER',
    events: [decidedEvent({ decision: 'ADMISSIBLE_IMPLICIT', decidedOn: '2026-05-10', implicit: true, completeOn: '2026-03-10', validUntil: '2027-05-10' })],
  },
  {
    name: 'ADMISSIBLE_IMPLICIT recorded late still counts validity from the implicit day',
    action: decide('ADMISSIBLE_IMPLICIT', '2026-06-15', { completeOn: '2026-03-20' }),
    given: pendingWithout(null),
    to: 'DOSSIER',
    events: [decidedEvent({ decision: 'ADMISSIBLE_IMPLICIT', decidedOn: '2026-06-15', implicit: true, completeOn: '2026-03-20', validUntil: '2027-05-20' })],
  },
  {
    name: 'NOT_ADMISSIBLE goes back to EXPERIENCE',
    action: decide('NOT_ADMISSIBLE', '2026-04-20'),
    to: 'EXPERIENCE',
    events: [decidedEvent({ decision: 'NOT_ADMISSIBLE', decidedOn: '2026-04-20', implicit: false, completeOn: '2026-03-10', validUntil: null })],
  },
  { name: 'IMPLICIT before two months', action: decide('ADMISSIBLE_IMPLICIT', '2026-05-09'), code: 'ADMISSIBILITY_IMPLICIT_TOO_EARLY', path: 'decidedOn' },
  { name: 'IMPLICIT without a complete date', action: decide('ADMISSIBLE_IMPLICIT', '2026-06-15'), given: pendingWithout(null), code: 'ADMISSIBILITY_COMPLETE_DATE_REQUIRED' },
  {
    name: 'ADMISSIBLE without validity anywhere',
    action: decide('ADMISSIBLE', '2026-04-20'),
    given: { certification: { id: 'cert-1', blocCodes: ['BC01', 'BC02', 'BC03'], admissibilityValidityMonths: 0 } },
    code: 'ADMISSIBILITY_VALIDITY_REQUIRED',
    path: 'validUntil',
  },
  { name: 'validity ending before the decision', action: decide('ADMISSIBLE', '2026-04-20', { validUntil: '2026-04-01' }), code: 'ADMISSIBILITY_VALIDITY_INVALID' },
  { name: 'validity on a negative decision', action: decide('NOT_ADMISSIBLE', '2026-04-20', { validUntil: '2027-04-20' }), code: 'ADMISSIBILITY_VALIDITY_INVALID' },
  { name: 'invalid validity date', action: decide('ADMISSIBLE', '2026-04-20', { validUntil: '2027-02-30' }), code: 'DATE_INVALID', path: 'validUntil' },
  { name: 'decision in the future', action: decide('ADMISSIBLE', '2026-06-16'), code: 'DATE_IN_FUTURE', path: 'decidedOn' },
  { name: 'decision before the request', action: decide('NOT_ADMISSIBLE', '2026-02-28'), code: 'ADMISSIBILITY_DECISION_BEFORE_SUBMISSION' },
  { name: 'complete date on an INCOMPLETE answer', action: decide('INCOMPLETE', '2026-03-05', { completeOn: '2026-03-04' }), code: 'ADMISSIBILITY_COMPLETE_DATE_INVALID' },
  { name: 'complete date after the decision', action: decide('ADMISSIBLE', '2026-04-20', { completeOn: '2026-04-21' }), code: 'ADMISSIBILITY_COMPLETE_DATE_INVALID' },
  { name: 'complete date before the request', action: decide('ADMISSIBLE', '2026-04-20', { completeOn: '2026-02-01' }), code: 'ADMISSIBILITY_COMPLETE_DATE_INVALID' },
  { name: 'no request on file', action: decide('ADMISSIBLE', '2026-04-20'), given: { activeAdmissibility: null }, code: 'ADMISSIBILITY_REQUEST_MISSING' },
];

const validTo = (validUntil: string) => ({ activeAdmissibility: { submittedOn: '2026-03-01', completeOn: '2026-03-10', decision: 'ADMISSIBLE' as const, validUntil } });
const SUBMIT_DOSSIER: Case[] = [
  {
    name: 'submits the dossier',
    action: { type: 'submitDossier', submittedOn: TODAY },
    to: 'DOSSIER_SUBMITTED',
    events: [{ type: 'DossierSubmitted', submittedOn: TODAY }],
    warnings: [],
  },
  {
    name: 'accepts a dossier submitted on the last valid day, recorded later',
    action: { type: 'submitDossier', submittedOn: '2026-06-01' },
    given: validTo('2026-06-01'),
    to: 'DOSSIER_SUBMITTED',
  },
  { name: 'refuses after the validity', action: { type: 'submitDossier', submittedOn: '2026-06-02' }, given: validTo('2026-06-01'), code: 'ADMISSIBILITY_EXPIRED' },
  { name: 'needs a positive recevabilité', action: { type: 'submitDossier', submittedOn: TODAY }, given: { activeAdmissibility: null }, code: 'ADMISSIBILITY_NOT_GRANTED' },
  { name: 'refuses a future date', action: { type: 'submitDossier', submittedOn: '2026-06-16' }, code: 'DATE_IN_FUTURE', path: 'submittedOn' },
];

const RETURN_DOSSIER: Case[] = [
  {
    name: 'returns the dossier to be completed',
    action: { type: 'returnDossier', returnedOn: '2026-06-12', reason: '  Pièces manquantes ' },
    to: 'DOSSIER',
    events: [{ type: 'DossierReturned', returnedOn: '2026-06-12', reason: 'Pièces manquantes' }],
    warnings: [],
  },
  { name: 'needs a reason', action: { type: 'returnDossier', returnedOn: '2026-06-12', reason: '   ' }, code: 'DOSSIER_RETURN_REASON_REQUIRED', path: 'reason' },
  { name: 'refuses a future date', action: { type: 'returnDossier', returnedOn: '2026-06-20', reason: 'x' }, code: 'DATE_IN_FUTURE' },
];

const juryDateCases = (type: 'scheduleJury' | 'rescheduleJury'): Case[] => [
  {
    name: 'warns when the jury is after the contract end',
    action: { type, date: '2026-09-15' },
    given: { contract: { ...CONTRACT, plannedEndDate: '2026-08-31' } },
    to: 'JURY_SCHEDULED',
    warnings: ['JURY_AFTER_CONTRACT_END'],
  },
  { name: 'accepts 24 months ahead', action: { type, date: '2028-06-15' }, to: 'JURY_SCHEDULED', warnings: [] },
  { name: 'refuses today', action: { type, date: TODAY }, code: 'JURY_DATE_NOT_FUTURE', path: 'date' },
  { name: 'refuses a past date', action: { type, date: '2026-01-10' }, code: 'JURY_DATE_NOT_FUTURE' },
  { name: 'refuses more than 24 months ahead', action: { type, date: '2028-06-16' }, code: 'JURY_DATE_TOO_FAR' },
  { name: 'refuses an invalid date', action: { type, date: '2026-09-31' }, code: 'JURY_DATE_INVALID' },
];

const SCHEDULE_JURY: Case[] = [
  {
    name: 'schedules the jury',
    action: { type: 'scheduleJury', date: '2026-09-15', place: ' AFPA Lyon ' },
    to: 'JURY_SCHEDULED',
    events: [{ type: 'JuryScheduled', date: '2026-09-15', place: 'AFPA Lyon' }],
    warnings: [],
  },
  ...juryDateCases('scheduleJury'),
];

const RESCHEDULE_JURY: Case[] = [
  {
    name: 'moves the jury',
    action: { type: 'rescheduleJury', date: '2026-10-01' },
    to: 'JURY_SCHEDULED',
    events: [{ type: 'JuryRescheduled', previousDate: '2026-06-10', date: '2026-10-01', place: null }],
    warnings: [],
  },
  ...juryDateCases('rescheduleJury'),
];

const result = (result: JuryResult, acquiredBlocCodes?: string[]): PathwayAction => ({
  type: 'recordJuryResult',
  result,
  ...(acquiredBlocCodes ? { acquiredBlocCodes } : {}),
});
const resultEvent = (result: JuryResult, validatedBlocCodes: string[], acquiredBlocCodes: string[], juryDate = '2026-06-10'): PathwayEvent => ({
  type: 'JuryResultRecorded',
  result,
  juryDate,
  validatedBlocCodes,
  acquiredBlocCodes,
});

const RECORD_JURY_RESULT: Case[] = [
  {
    name: 'FULL certifies every bloc',
    action: result('FULL'),
    to: 'CERTIFIED',
    events: [resultEvent('FULL', ['BC01', 'BC02', 'BC03'], ['BC01', 'BC02', 'BC03'])],
    warnings: [],
  },
  {
    name: 'FULL on a blocs pathway validates the target blocs',
    action: result('FULL'),
    given: { targetBlocCodes: ['BC03', 'BC02'], acquiredBlocCodes: ['BC01'] },
    to: 'CERTIFIED',
    events: [resultEvent('FULL', ['BC02', 'BC03'], ['BC01', 'BC02', 'BC03'])],
  },
  {
    name: 'PARTIAL adds the blocs to those kept from before',
    action: result('PARTIAL', ['BC03', 'BC01', 'BC03']),
    given: { acquiredBlocCodes: ['BC02'] },
    to: 'PARTIALLY_CERTIFIED',
    events: [resultEvent('PARTIAL', ['BC01', 'BC03'], ['BC01', 'BC02', 'BC03'])],
  },
  {
    name: 'REFUSED keeps the blocs acquired earlier',
    action: result('REFUSED'),
    given: { acquiredBlocCodes: ['BC02'] },
    to: 'NOT_CERTIFIED',
    events: [resultEvent('REFUSED', [], ['BC02'])],
  },
  { name: 'ABSENT goes back to DOSSIER_SUBMITTED', action: result('ABSENT'), to: 'DOSSIER_SUBMITTED', events: [resultEvent('ABSENT', [], [])] },
  {
    name: 'accepts the result the day after the jury, in Paris time',
    action: result('ABSENT'),
    given: { activeJury: { date: '2026-06-14' } },
    now: new Date('2026-06-14T22:30:00Z'), // 00:30 on the 15th in Paris
    to: 'DOSSIER_SUBMITTED',
    events: [resultEvent('ABSENT', [], [], '2026-06-14')],
  },
  {
    name: 'refuses on the jury day',
    action: result('FULL'),
    given: { activeJury: { date: TODAY } },
    code: 'JURY_NOT_YET_HELD',
  },
  {
    name: 'refuses before midnight in Paris',
    action: result('FULL'),
    given: { activeJury: { date: '2026-06-14' } },
    now: new Date('2026-06-14T21:59:00Z'), // 23:59 on the 14th in Paris
    code: 'JURY_NOT_YET_HELD',
  },
  { name: 'needs a scheduled jury', action: result('FULL'), given: { activeJury: null }, code: 'JURY_NOT_SCHEDULED' },
  { name: 'PARTIAL needs blocs', action: result('PARTIAL'), code: 'JURY_BLOCS_REQUIRED', path: 'acquiredBlocCodes' },
  { name: 'PARTIAL needs at least one bloc', action: result('PARTIAL', []), code: 'JURY_BLOCS_REQUIRED' },
  { name: 'PARTIAL with a bloc of another certification', action: result('PARTIAL', ['BC01', 'BC09']), code: 'JURY_BLOCS_UNKNOWN' },
  { name: 'REFUSED with blocs', action: result('REFUSED', ['BC01']), code: 'JURY_BLOCS_UNEXPECTED' },
];

const RESUME: Case[] = [
  { name: 'starts a new attempt', action: { type: 'resume' }, to: 'DOSSIER', events: [{ type: 'AttemptResumed', on: TODAY }], warnings: [] },
  {
    name: 'warns when the contract has ended',
    action: { type: 'resume' },
    given: { contract: { ...CONTRACT, endedOn: '2026-06-01' } },
    to: 'DOSSIER',
    warnings: ['RESUME_CONTRACT_ENDED'],
  },
  { name: 'warns when there is no contract', action: { type: 'resume' }, given: { contract: null }, to: 'DOSSIER', warnings: ['RESUME_CONTRACT_ENDED'] },
];

const closeCases = (state: 'CERTIFIED' | 'PARTIALLY_CERTIFIED' | 'NOT_CERTIFIED'): Case[] => [
  {
    name: 'closes with the candidate employed',
    action: { type: 'close', exitOutcome: 'EMPLOYED' },
    to: 'CLOSED',
    events: [{ type: 'PathwayClosed', exitOutcome: 'EMPLOYED', closedOn: TODAY }],
    warnings: [],
  },
  { name: 'closes with the matching result', action: { type: 'close', exitOutcome: state }, to: 'CLOSED' },
  {
    name: 'refuses an outcome that contradicts the jury',
    action: { type: 'close', exitOutcome: state === 'CERTIFIED' ? 'NOT_CERTIFIED' : 'CERTIFIED' },
    code: 'CLOSE_OUTCOME_INCONSISTENT',
    path: 'exitOutcome',
  },
];

const WITHDRAW: Case[] = [
  {
    name: 'withdraws',
    action: { type: 'withdraw', reason: ' Démission ', date: '2026-06-12', inTrial: false },
    to: 'WITHDRAWN',
    events: [{ type: 'PathwayWithdrawn', reason: 'Démission', date: '2026-06-12', inTrial: false }],
    warnings: [],
  },
  { name: 'withdraws during the trial period', action: { type: 'withdraw', reason: 'Rupture', date: TODAY, inTrial: true }, to: 'WITHDRAWN' },
  { name: 'needs a reason', action: { type: 'withdraw', reason: '', date: TODAY, inTrial: false }, code: 'WITHDRAW_REASON_REQUIRED', path: 'reason' },
  { name: 'refuses a future date', action: { type: 'withdraw', reason: 'x', date: '2026-07-01', inTrial: false }, code: 'DATE_IN_FUTURE', path: 'date' },
  { name: 'refuses an invalid date', action: { type: 'withdraw', reason: 'x', date: '2026-06-31', inTrial: false }, code: 'DATE_INVALID' },
  {
    name: 'refuses a trial termination without a contract',
    action: { type: 'withdraw', reason: 'x', date: TODAY, inTrial: true },
    given: { contract: null },
    code: 'WITHDRAW_TRIAL_WITHOUT_CONTRACT',
  },
];

const EXPECTED: Record<PathwayState, Record<PathwayActionType, Expectation>> = {
  CERTIFICATION_CHOSEN: { start: START, submitAdmissibility: X, recordAdmissibility: X, submitDossier: X, returnDossier: X, scheduleJury: X, rescheduleJury: X, recordJuryResult: X, resume: X, close: X, withdraw: WITHDRAW },
  EXPERIENCE: { start: X, submitAdmissibility: SUBMIT_ADMISSIBILITY, recordAdmissibility: X, submitDossier: X, returnDossier: X, scheduleJury: X, rescheduleJury: X, recordJuryResult: X, resume: X, close: X, withdraw: WITHDRAW },
  ADMISSIBILITY_PENDING: { start: X, submitAdmissibility: X, recordAdmissibility: RECORD_ADMISSIBILITY, submitDossier: X, returnDossier: X, scheduleJury: X, rescheduleJury: X, recordJuryResult: X, resume: X, close: X, withdraw: WITHDRAW },
  DOSSIER: { start: X, submitAdmissibility: RESUBMIT_ADMISSIBILITY, recordAdmissibility: X, submitDossier: SUBMIT_DOSSIER, returnDossier: X, scheduleJury: X, rescheduleJury: X, recordJuryResult: X, resume: X, close: X, withdraw: WITHDRAW },
  DOSSIER_SUBMITTED: { start: X, submitAdmissibility: X, recordAdmissibility: X, submitDossier: X, returnDossier: RETURN_DOSSIER, scheduleJury: SCHEDULE_JURY, rescheduleJury: X, recordJuryResult: X, resume: X, close: X, withdraw: WITHDRAW },
  JURY_SCHEDULED: { start: X, submitAdmissibility: X, recordAdmissibility: X, submitDossier: X, returnDossier: X, scheduleJury: X, rescheduleJury: RESCHEDULE_JURY, recordJuryResult: RECORD_JURY_RESULT, resume: X, close: X, withdraw: WITHDRAW },
  CERTIFIED: { start: X, submitAdmissibility: X, recordAdmissibility: X, submitDossier: X, returnDossier: X, scheduleJury: X, rescheduleJury: X, recordJuryResult: X, resume: X, close: closeCases('CERTIFIED'), withdraw: WITHDRAW },
  PARTIALLY_CERTIFIED: { start: X, submitAdmissibility: X, recordAdmissibility: X, submitDossier: X, returnDossier: X, scheduleJury: X, rescheduleJury: X, recordJuryResult: X, resume: RESUME, close: closeCases('PARTIALLY_CERTIFIED'), withdraw: WITHDRAW },
  NOT_CERTIFIED: { start: X, submitAdmissibility: X, recordAdmissibility: X, submitDossier: X, returnDossier: X, scheduleJury: X, rescheduleJury: X, recordJuryResult: X, resume: RESUME, close: closeCases('NOT_CERTIFIED'), withdraw: WITHDRAW },
  CLOSED: { start: X, submitAdmissibility: X, recordAdmissibility: X, submitDossier: X, returnDossier: X, scheduleJury: X, rescheduleJury: X, recordJuryResult: X, resume: X, close: X, withdraw: X },
  WITHDRAWN: { start: X, submitAdmissibility: X, recordAdmissibility: X, submitDossier: X, returnDossier: X, scheduleJury: X, rescheduleJury: X, recordJuryResult: X, resume: X, close: X, withdraw: X },
};

/** A payload good enough to reach the state check, for refused pairs. */
const SAMPLE_ACTIONS: Record<PathwayActionType, PathwayAction> = {
  start: { type: 'start' },
  submitAdmissibility: submit(TODAY),
  recordAdmissibility: decide('ADMISSIBLE', TODAY),
  submitDossier: { type: 'submitDossier', submittedOn: TODAY },
  returnDossier: { type: 'returnDossier', returnedOn: TODAY, reason: 'x' },
  scheduleJury: { type: 'scheduleJury', date: '2026-09-15' },
  rescheduleJury: { type: 'rescheduleJury', date: '2026-09-15' },
  recordJuryResult: result('FULL'),
  resume: { type: 'resume' },
  close: { type: 'close', exitOutcome: 'OTHER' },
  withdraw: { type: 'withdraw', reason: 'x', date: TODAY, inTrial: false },
};

describe('transition: every (state, action) pair', () => {
  it('covers 11 states × 11 actions', () => {
    expect(PATHWAY_STATES).toHaveLength(11);
    expect(PATHWAY_ACTIONS).toHaveLength(11);
    expect(Object.keys(EXPECTED).sort()).toEqual([...PATHWAY_STATES].sort());
  });

  for (const state of PATHWAY_STATES) {
    describe(state, () => {
      for (const actionType of PATHWAY_ACTIONS) {
        const expectation = EXPECTED[state]?.[actionType];
        if (expectation === undefined) {
          it(`${actionType}: has an expectation`, () => {
            throw new Error(`No expectation for (${state}, ${actionType})`);
          });
          continue;
        }
        if (expectation === X) {
          it(`${actionType}: TRANSITION_NOT_ALLOWED`, () => {
            const outcome = transition(snapshotIn(state), SAMPLE_ACTIONS[actionType], NOW, R);
            expect(outcome).toMatchObject({ ok: false, violation: { code: 'TRANSITION_NOT_ALLOWED', details: { state, action: actionType } } });
            if (!outcome.ok) {
              expect(outcome.violation.message.fr).toContain(`« ${PATHWAY_STATE_LABELS[state]} »`);
              expect(outcome.violation.message.fr).toContain(`« ${PATHWAY_ACTION_LABELS[actionType]} »`);
            }
            expect(allowedFrom(actionType)).not.toContain(state);
          });
          continue;
        }
        describe(actionType, () => {
          it('is allowed from this state, with at least one accepted case', () => {
            expect(allowedFrom(actionType)).toContain(state);
            expect(expectation.some((c) => c.to !== undefined)).toBe(true);
          });
          for (const c of expectation) runCase(state, c);
        });
      }
    });
  }
});

function runCase(state: PathwayState, c: Case): void {
  const label = c.to ? `→ ${c.to}: ${c.name}` : `✗ ${c.code}: ${c.name}`;
  it(label, () => {
    const outcome = transition(snapshotIn(state, c.given), c.action, c.now ?? NOW, R);
    if (c.to) {
      if (!outcome.ok) throw new Error(`Refused with ${outcome.violation.code}: ${outcome.violation.message.en}`);
      expect(outcome.from).toBe(state);
      expect(outcome.to).toBe(c.to);
      expect(outcome.events).toHaveLength(1);
      if (c.events) expect(outcome.events).toEqual(c.events);
      if (c.warnings) expect(outcome.warnings.map((w) => w.code)).toEqual(c.warnings);
      for (const warning of outcome.warnings) expect(warning.message.fr.length).toBeGreaterThan(20);
    } else {
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.violation.code).toBe(c.code);
      if (c.path) expect(outcome.violation.path).toBe(c.path);
      expect(outcome.violation.message.fr.length).toBeGreaterThan(20);
      expect(outcome.violation.message.en.length).toBeGreaterThan(10);
    }
  });
}

describe('transition: other inputs', () => {
  it('refuses an unknown action instead of throwing', () => {
    const outcome = transition(snapshotIn('EXPERIENCE'), { type: 'teleport' } as unknown as PathwayAction, NOW, R);
    expect(outcome).toMatchObject({ ok: false, violation: { code: 'ACTION_UNKNOWN' } });
  });
  it('reads the numbers from the regulation it is given', () => {
    // With a 3-month recevabilité delay, 2 months of silence are not enough.
    const slow = { ...R, admissibility: { ...R.admissibility, decisionMonths: 3 } };
    const action = decide('ADMISSIBLE_IMPLICIT', '2026-05-10');
    expect(transition(snapshotIn('ADMISSIBILITY_PENDING'), action, NOW, R).ok).toBe(true);
    expect(transition(snapshotIn('ADMISSIBILITY_PENDING'), action, NOW, slow)).toMatchObject({
      ok: false,
      violation: { code: 'ADMISSIBILITY_IMPLICIT_TOO_EARLY', details: { implicitOn: '2026-06-10' } },
    });
  });
  it('explains refusals in plain French', () => {
    const outcome = transition(snapshotIn('DOSSIER_SUBMITTED'), { type: 'scheduleJury', date: '2026-01-10' }, NOW, R);
    expect(!outcome.ok && outcome.violation.message.fr).toBe('Le jury ne peut pas être fixé à une date passée ni à aujourd’hui : indiquez une date à venir.');
    const start = transition(snapshotIn('CERTIFICATION_CHOSEN', { contract: null }), { type: 'start' }, NOW, R);
    expect(!start.ok && start.violation.message.fr).toContain('enregistrez d’abord le contrat');
    const notAllowed = transition(snapshotIn('CERTIFICATION_CHOSEN'), { type: 'scheduleJury', date: '2026-09-15' }, NOW, R);
    expect(!notAllowed.ok && notAllowed.violation.message.fr).toBe(
      'Action impossible : « Programmer le jury » n’est pas possible quand le parcours est à l’étape « Certification choisie ».',
    );
  });
});

describe('availableActions', () => {
  const cases: [string, PathwayState, Partial<PathwaySnapshot>, PathwayActionType[]][] = [
    ['ready to start', 'CERTIFICATION_CHOSEN', {}, ['start', 'withdraw']],
    ['no tutor yet', 'CERTIFICATION_CHOSEN', { hasCurrentPlacementWithTutor: false }, ['withdraw']],
    ['no OPCO filing yet', 'CERTIFICATION_CHOSEN', { contract: { ...CONTRACT, opcoFiledOn: null } }, ['withdraw']],
    ['no contract', 'CERTIFICATION_CHOSEN', { contract: null }, ['withdraw']],
    ['livret 1 on file', 'EXPERIENCE', {}, ['submitAdmissibility', 'withdraw']],
    ['livret 1 missing', 'EXPERIENCE', { documentKinds: ['ID'] }, ['withdraw']],
    ['quota used', 'EXPERIENCE', { admissibilityRequestsThisYear: [{ certificationId: 'cert-1', blocsOnly: false }] }, ['withdraw']],
    ['waiting for the certifier', 'ADMISSIBILITY_PENDING', {}, ['recordAdmissibility', 'withdraw']],
    ['recevabilité valid', 'DOSSIER', {}, ['submitDossier', 'withdraw']],
    ['recevabilité expired', 'DOSSIER', { activeAdmissibility: expired, admissibilityRequestsThisYear: [] }, ['submitAdmissibility', 'withdraw']],
    ['dossier submitted', 'DOSSIER_SUBMITTED', {}, ['returnDossier', 'scheduleJury', 'withdraw']],
    ['jury passed', 'JURY_SCHEDULED', {}, ['rescheduleJury', 'recordJuryResult', 'withdraw']],
    ['jury today', 'JURY_SCHEDULED', { activeJury: { date: TODAY } }, ['rescheduleJury', 'withdraw']],
    ['jury ahead', 'JURY_SCHEDULED', { activeJury: { date: '2026-09-15' } }, ['rescheduleJury', 'withdraw']],
    ['certified', 'CERTIFIED', {}, ['close', 'withdraw']],
    ['partially certified', 'PARTIALLY_CERTIFIED', {}, ['resume', 'close', 'withdraw']],
    ['not certified', 'NOT_CERTIFIED', {}, ['resume', 'close', 'withdraw']],
    ['closed', 'CLOSED', {}, []],
    ['withdrawn', 'WITHDRAWN', {}, []],
  ];
  it.each(cases)('%s (%s)', (_name, state, given, expected) => {
    expect(availableActions(snapshotIn(state, given), NOW, R)).toEqual(expected);
  });
  it('agrees with transition for payload-free actions', () => {
    for (const state of PATHWAY_STATES) {
      const snapshot = snapshotIn(state);
      for (const type of ['start', 'resume'] as const) {
        expect(availableActions(snapshot, NOW, R).includes(type)).toBe(transition(snapshot, { type }, NOW, R).ok);
      }
    }
  });
});

describe('heldBackActions', () => {
  const heldBack = (state: PathwayState, given: Partial<PathwaySnapshot> = {}) =>
    heldBackActions(snapshotIn(state, given), NOW, R).map(({ action, violation }) => [action, violation.code]);

  it('says what is missing before the pathway can start, one rule at a time', () => {
    expect(heldBack('CERTIFICATION_CHOSEN', { contract: null })).toEqual([['start', 'START_REQUIRES_CONTRACT']]);
    expect(heldBack('CERTIFICATION_CHOSEN', { contract: { ...CONTRACT, opcoFiledOn: null } })).toEqual([['start', 'START_REQUIRES_OPCO_FILING']]);
    expect(heldBack('CERTIFICATION_CHOSEN', { hasCurrentPlacementWithTutor: false })).toEqual([['start', 'START_REQUIRES_TUTOR']]);
  });

  it('names the missing livret 1 and the jury still ahead, in French', () => {
    const [missing] = heldBackActions(snapshotIn('EXPERIENCE', { documentKinds: ['ID'] }), NOW, R);
    expect(missing).toMatchObject({ action: 'submitAdmissibility', violation: { code: 'ADMISSIBILITY_DOCUMENTS_MISSING' } });
    expect(missing!.violation.message.fr).toMatch(/livret 1/);
    const [ahead] = heldBackActions(snapshotIn('JURY_SCHEDULED', { activeJury: { date: '2026-09-15' } }), NOW, R);
    expect(ahead).toMatchObject({ action: 'recordJuryResult', violation: { code: 'JURY_NOT_YET_HELD' } });
    expect(ahead!.violation.message.fr).toContain('16/09/2026');
  });

  it('is empty when every action of the state is open, and never lists an available one', () => {
    expect(heldBack('DOSSIER_SUBMITTED')).toEqual([]);
    for (const state of PATHWAY_STATES) {
      const snapshot = snapshotIn(state, { contract: null, documentKinds: [], activeJury: { date: '2026-09-15' } });
      const available = availableActions(snapshot, NOW, R);
      for (const { action } of heldBackActions(snapshot, NOW, R)) {
        expect(available).not.toContain(action);
        expect(allowedFrom(action)).toContain(state);
      }
    }
  });
});
