import { FRENCH_REGULATION as R } from '../regulation/french-regulation.js';
import { parisInstant } from '../time/paris-time.js';
import type { PathwayAction } from './pathway.actions.js';
import { availableActions, transition } from './pathway.machine.js';
import type { PathwayEvent, PathwaySnapshot } from './pathway.types.js';

/**
 * A whole pathway driven through the machine, the snapshot rebuilt from the
 * events only, as the service does: proves the events carry what must be
 * written.
 */
function apply(snapshot: PathwaySnapshot, event: PathwayEvent): PathwaySnapshot {
  switch (event.type) {
    case 'AdmissibilitySubmitted':
      return {
        ...snapshot,
        admissibilityRequestsThisYear: [...snapshot.admissibilityRequestsThisYear, { certificationId: event.certificationId, blocsOnly: event.blocsOnly }],
        activeAdmissibility: { submittedOn: event.submittedOn, completeOn: event.completeOn, decision: null, validUntil: null },
      };
    case 'AdmissibilityDecided':
      return {
        ...snapshot,
        activeAdmissibility: snapshot.activeAdmissibility && {
          ...snapshot.activeAdmissibility,
          decision: event.decision,
          completeOn: event.completeOn,
          validUntil: event.validUntil,
        },
      };
    case 'JuryScheduled':
    case 'JuryRescheduled':
      return { ...snapshot, activeJury: { date: event.date } };
    case 'JuryResultRecorded':
      return { ...snapshot, activeJury: event.result === 'ABSENT' ? null : snapshot.activeJury, acquiredBlocCodes: event.acquiredBlocCodes };
    default:
      return snapshot;
  }
}

describe('a VAE inversée pathway from start to close', () => {
  let snapshot: PathwaySnapshot = {
    state: 'CERTIFICATION_CHOSEN',
    certification: { id: 'titre-pro-apr', blocCodes: ['CCP1', 'CCP2', 'CCP3'], admissibilityValidityMonths: 12 },
    targetBlocCodes: null,
    contract: { startDate: '2026-01-05', plannedEndDate: '2027-07-04', opcoFiledOn: '2026-01-07', endedOn: null },
    hasCurrentPlacementWithTutor: true,
    documentKinds: ['ID'],
    admissibilityRequestsThisYear: [],
    activeAdmissibility: null,
    activeJury: null,
    acquiredBlocCodes: [],
  };
  const log: string[] = [];

  function act(day: string, action: PathwayAction): void {
    const outcome = transition(snapshot, action, parisInstant(day, '10:00'), R);
    if (!outcome.ok) throw new Error(`${day} ${action.type}: ${outcome.violation.code}`);
    snapshot = outcome.events.reduce(apply, { ...snapshot, state: outcome.to });
    log.push(`${day} ${action.type} → ${outcome.to}`);
  }

  it('goes through every step, keeping the blocs of a partial validation', () => {
    act('2026-01-05', { type: 'start' });
    expect(availableActions(snapshot, parisInstant('2026-04-01', '10:00'), R)).toEqual(['withdraw']); // livret 1 missing
    snapshot = { ...snapshot, documentKinds: [...snapshot.documentKinds, 'ADMISSIBILITY_FORM'] };
    act('2026-04-01', { type: 'submitAdmissibility', submittedOn: '2026-04-01' });
    act('2026-04-10', { type: 'recordAdmissibility', decision: 'INCOMPLETE', decidedOn: '2026-04-10' });
    // Silence for two months after the file was completed on 20 April.
    expect(transition(snapshot, { type: 'recordAdmissibility', decision: 'ADMISSIBLE_IMPLICIT', decidedOn: '2026-06-19', completeOn: '2026-04-20' }, parisInstant('2026-06-19', '10:00'), R)).toMatchObject({
      ok: false,
      violation: { code: 'ADMISSIBILITY_IMPLICIT_TOO_EARLY' },
    });
    act('2026-06-22', { type: 'recordAdmissibility', decision: 'ADMISSIBLE_IMPLICIT', decidedOn: '2026-06-22', completeOn: '2026-04-20' });
    expect(snapshot.activeAdmissibility).toEqual({ submittedOn: '2026-04-01', completeOn: '2026-04-20', decision: 'ADMISSIBLE_IMPLICIT', validUntil: '2027-06-20' });
    act('2026-09-01', { type: 'submitDossier', submittedOn: '2026-09-01' });
    act('2026-09-15', { type: 'returnDossier', returnedOn: '2026-09-14', reason: 'Preuves du CCP2 insuffisantes' });
    act('2026-10-01', { type: 'submitDossier', submittedOn: '2026-10-01' });
    act('2026-10-05', { type: 'scheduleJury', date: '2026-12-03', place: 'Centre AFPA' });
    act('2026-11-20', { type: 'rescheduleJury', date: '2026-12-10' });
    act('2026-12-11', { type: 'recordJuryResult', result: 'ABSENT' });
    act('2026-12-14', { type: 'scheduleJury', date: '2027-02-04' });
    act('2027-02-05', { type: 'recordJuryResult', result: 'PARTIAL', acquiredBlocCodes: ['CCP1', 'CCP3'] });
    expect(snapshot.acquiredBlocCodes).toEqual(['CCP1', 'CCP3']);
    act('2027-02-10', { type: 'resume' });
    act('2027-03-01', { type: 'submitDossier', submittedOn: '2027-03-01' });
    act('2027-03-02', { type: 'scheduleJury', date: '2027-05-20' });
    act('2027-05-21', { type: 'recordJuryResult', result: 'FULL' });
    expect(snapshot.acquiredBlocCodes).toEqual(['CCP1', 'CCP2', 'CCP3']);
    act('2027-07-05', { type: 'close', exitOutcome: 'EMPLOYED' });
    expect(snapshot.state).toBe('CLOSED');
    expect(log).toHaveLength(17);
    expect(availableActions(snapshot, parisInstant('2027-07-06', '10:00'), R)).toEqual([]);
  });
});
