import { ruleViolation, type RuleWarning } from '../regulation/rule.types.js';
import { compareDates, frenchDate } from '../time/local-date.js';
import { PATHWAY_STATE_LABELS, PATHWAY_STATES, type PathwayState } from './pathway.states.js';
import { checkPastDate, checkReadyToStart, opcoFilingWarnings, requireText } from './pathway.guards.js';
import { firstViolation, type ActionRule } from './pathway.rule.types.js';

/** CERTIFICATION_CHOSEN → EXPERIENCE: a running contract filed with the OPCO, and a company tutor. */
export const start: ActionRule<'start'> = {
  from: ['CERTIFICATION_CHOSEN'],
  ready: (snapshot, today) => checkReadyToStart(snapshot, today),
  apply: ({ snapshot, today, regulation }) =>
    checkReadyToStart(snapshot, today) ?? {
      to: 'EXPERIENCE',
      events: [{ type: 'PathwayStarted', on: today }],
      warnings: opcoFilingWarnings(snapshot, regulation),
    },
};

/** PARTIALLY_CERTIFIED | NOT_CERTIFIED → DOSSIER: a new attempt at the jury. */
export const resume: ActionRule<'resume'> = {
  from: ['PARTIALLY_CERTIFIED', 'NOT_CERTIFIED'],
  apply: ({ snapshot, today }) => {
    const warnings: RuleWarning[] = [];
    const contract = snapshot.contract;
    const end = contract ? (contract.endedOn ?? contract.plannedEndDate) : null;
    if (end === null || compareDates(end, today) < 0) {
      warnings.push(
        ruleViolation(
          'RESUME_CONTRACT_ENDED',
          (end ? `Le contrat est terminé depuis le ${frenchDate(end)}` : 'Aucun contrat n’est enregistré') +
            ' : pensez à un renouvellement du contrat pour ce nouveau passage.',
          'The contract has ended: consider a renewal for this new attempt.',
          { details: { contractEnd: end } },
        ),
      );
    }
    return { to: 'DOSSIER', events: [{ type: 'AttemptResumed', on: today }], warnings };
  },
};

/** The exit outcomes that repeat a jury result must match the pathway's result. */
const RESULT_OUTCOMES: readonly string[] = ['CERTIFIED', 'PARTIALLY_CERTIFIED', 'NOT_CERTIFIED'];

/** CERTIFIED | PARTIALLY_CERTIFIED | NOT_CERTIFIED → CLOSED, with the candidate's exit outcome. */
export const close: ActionRule<'close'> = {
  from: ['CERTIFIED', 'PARTIALLY_CERTIFIED', 'NOT_CERTIFIED'],
  apply: ({ snapshot, action, today }) => {
    if (RESULT_OUTCOMES.includes(action.exitOutcome) && action.exitOutcome !== snapshot.state) {
      return ruleViolation(
        'CLOSE_OUTCOME_INCONSISTENT',
        `La situation de sortie « ${PATHWAY_STATE_LABELS[action.exitOutcome as PathwayState]} » ne correspond pas au résultat du jury (« ${PATHWAY_STATE_LABELS[snapshot.state]} »).`,
        `The exit outcome ${action.exitOutcome} does not match the jury result (${snapshot.state}).`,
        { path: 'exitOutcome', details: { state: snapshot.state } },
      );
    }
    return { to: 'CLOSED', events: [{ type: 'PathwayClosed', exitOutcome: action.exitOutcome, closedOn: today }], warnings: [] };
  },
};

/** Any open state → WITHDRAWN: the candidate leaves (resignation, dismissal, end in trial…). */
export const withdraw: ActionRule<'withdraw'> = {
  from: PATHWAY_STATES.filter((state) => state !== 'CLOSED' && state !== 'WITHDRAWN'),
  apply: ({ snapshot, action, today }) =>
    firstViolation(
      () =>
        requireText(action.reason, 'WITHDRAW_REASON_REQUIRED', 'reason', {
          fr: 'Indiquez le motif de la sortie du parcours.',
          en: 'Give the reason for leaving the pathway.',
        }),
      () => checkPastDate(action.date, 'date', { fr: 'La date de sortie', en: 'The leaving date' }, today),
      () =>
        action.inTrial && !snapshot.contract
          ? ruleViolation(
              'WITHDRAW_TRIAL_WITHOUT_CONTRACT',
              'Une rupture pendant la période d’essai suppose un contrat : aucun contrat n’est enregistré pour ce parcours.',
              'A termination during the trial period needs a contract; none is recorded.',
              { path: 'inTrial' },
            )
          : null,
    ) ?? {
      to: 'WITHDRAWN',
      events: [{ type: 'PathwayWithdrawn', reason: action.reason.trim(), date: action.date, inTrial: action.inTrial }],
      warnings: [],
    },
};
