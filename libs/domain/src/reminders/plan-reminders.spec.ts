import { FRENCH_REGULATION as R } from '../regulation/french-regulation.js';
import type { PathwayState } from '../pathway/pathway.states.js';
import { PATHWAY_STATES } from '../pathway/pathway.states.js';
import { parisDate } from '../time/paris-time.js';
import { planReminders } from './plan-reminders.js';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './reminder.settings.js';
import type { PlannedReminder, PlannedReminderKind, ReminderSnapshot } from './reminder.types.js';

/*
 * "Now" is Monday 2026-06-15, 10:00 in Paris (summer time, UTC+2). The base
 * pathway is in EXPERIENCE, on a contract from 2026-06-01 to 2027-06-30
 * (trial until 2026-07-20), filed and accepted by the OPCO; the candidate is
 * 36, so no pay bracket changes.
 */
const NOW = new Date('2026-06-15T08:00:00Z');
const S = DEFAULT_REMINDER_SETTINGS;

type Contract = NonNullable<ReminderSnapshot['contract']>;
const CONTRACT: Contract = {
  startDate: '2026-06-01',
  plannedEndDate: '2027-06-30',
  trialEndDate: '2026-07-20',
  opcoFiledOn: '2026-06-03',
  opcoDecision: 'ACCEPTED',
  endedOn: null,
};

const BASE: ReminderSnapshot = {
  pathwayId: 'pw-1',
  state: 'EXPERIENCE',
  contract: CONTRACT,
  candidate: { birthDate: '1990-03-10' },
  activeAdmissibility: null,
  activeJury: null,
  openAfestCycles: [],
};

function snapshot(changes: Partial<Omit<ReminderSnapshot, 'contract'>> & { contract?: Partial<Contract> | null } = {}): ReminderSnapshot {
  const { contract, ...rest } = changes;
  return deepFreeze(structuredClone({ ...BASE, ...rest, contract: contract === null ? null : { ...CONTRACT, ...contract } }));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function plan(snap: ReminderSnapshot, now: Date = NOW, settings: ReminderSettings = S): PlannedReminder[] {
  return planReminders(snap, settings, now, R);
}

function ofKind(reminders: PlannedReminder[], kind: PlannedReminderKind): PlannedReminder[] {
  return reminders.filter((reminder) => reminder.kind === kind);
}

/** kind, due day, due instant, recipients, key: what a test compares. */
function summary(reminders: PlannedReminder[]) {
  return reminders.map(({ kind, dueOn, dueAt, recipients, dedupKey }) => ({ kind, dueOn, dueAt: dueAt.toISOString(), recipients, dedupKey }));
}

describe('planReminders: the base pathway', () => {
  it('plans exactly the trial end and the two contract-end reminders', () => {
    expect(summary(plan(snapshot()))).toEqual([
      {
        kind: 'TRIAL_ENDING',
        dueOn: '2026-07-17',
        dueAt: '2026-07-17T06:00:00.000Z',
        recipients: ['COORDINATOR', 'EMPLOYER', 'TUTOR'],
        dedupKey: 'pw-1:TRIAL_ENDING:2026-07-17',
      },
      {
        kind: 'CONTRACT_ENDING',
        dueOn: '2027-04-01',
        dueAt: '2027-04-01T06:00:00.000Z',
        recipients: ['COORDINATOR'],
        dedupKey: 'pw-1:CONTRACT_ENDING:90:2027-04-01',
      },
      {
        kind: 'CONTRACT_ENDING',
        dueOn: '2027-05-31',
        dueAt: '2027-05-31T06:00:00.000Z',
        recipients: ['COORDINATOR'],
        dedupKey: 'pw-1:CONTRACT_ENDING:30:2027-05-31',
      },
    ]);
  });

  it('gives the same plan, keys included, on every call, without touching its input', () => {
    const first = plan(snapshot());
    const second = plan(snapshot());
    expect(second).toEqual(first);
    expect(second.map((r) => r.dedupKey)).toEqual(first.map((r) => r.dedupKey));
    // A later call, before the first due instant, plans the same reminders.
    expect(plan(snapshot(), new Date('2026-07-16T12:00:00Z'))).toEqual(first);
  });

  it('returns fresh recipient arrays (a caller may not alter the table through them)', () => {
    const [a, b] = ofKind(plan(snapshot()), 'CONTRACT_ENDING');
    a?.recipients.push('CANDIDATE');
    expect(b?.recipients).toEqual(['COORDINATOR']);
    expect(ofKind(plan(snapshot()), 'CONTRACT_ENDING')[0]?.recipients).toEqual(['COORDINATOR']);
  });

  it('puts no personal data in data: ids, dates, numbers and flags only', () => {
    const full = plan(
      snapshot({
        state: 'JURY_SCHEDULED',
        contract: { opcoFiledOn: null },
        candidate: { birthDate: '2005-09-12' },
        activeJury: { date: '2026-11-20', result: null },
        openAfestCycles: [{ id: 'afest-1', situationOn: '2026-06-12', reflectionOn: null }],
      }),
    );
    expect(full.length).toBeGreaterThan(5);
    for (const reminder of full) {
      for (const value of Object.values(reminder.data ?? {})) expect(['string', 'number', 'boolean']).toContain(typeof value);
      expect(JSON.stringify(reminder.data)).not.toContain('2005-09-12');
    }
  });
});

describe('OPCO_FILING_DUE', () => {
  it('is due 3 days after the start when the contract is not filed, to the coordinator', () => {
    const [reminder, ...others] = ofKind(plan(snapshot({ contract: { startDate: '2026-06-20', opcoFiledOn: null, opcoDecision: null } })), 'OPCO_FILING_DUE');
    expect(others).toEqual([]);
    expect(reminder).toEqual({
      kind: 'OPCO_FILING_DUE',
      dueOn: '2026-06-23',
      dueAt: new Date('2026-06-23T06:00:00Z'),
      recipients: ['COORDINATOR'],
      dedupKey: 'pw-1:OPCO_FILING_DUE:2026-06-23',
      data: { contractStartDate: '2026-06-20', filingDeadline: '2026-06-25' },
    });
  });
  it('is not planned once filed', () => {
    expect(ofKind(plan(snapshot({ contract: { startDate: '2026-06-20', opcoFiledOn: '2026-06-21', opcoDecision: 'PENDING' } })), 'OPCO_FILING_DUE')).toEqual([]);
  });
  it('is not planned again once its day has passed', () => {
    expect(ofKind(plan(snapshot({ contract: { startDate: '2026-06-10', opcoFiledOn: null } })), 'OPCO_FILING_DUE')).toEqual([]);
  });
  it('is planned before a pathway starts (the contract is signed first)', () => {
    const reminders = plan(snapshot({ state: 'CERTIFICATION_CHOSEN', contract: { startDate: '2026-06-20', opcoFiledOn: null } }));
    expect(ofKind(reminders, 'OPCO_FILING_DUE').map((r) => r.dueOn)).toEqual(['2026-06-23']);
  });
  it('is still due for a contract ended early (the days worked are filed all the same)', () => {
    const reminders = plan(snapshot({ contract: { startDate: '2026-06-20', opcoFiledOn: null, endedOn: '2026-06-21' } }));
    expect(ofKind(reminders, 'OPCO_FILING_DUE').map((r) => r.dueOn)).toEqual(['2026-06-23']);
  });
  it('uses the lead of the settings and the legal deadline of the regulation', () => {
    const settings = { ...S, opcoFilingDueAfterStartDays: 1 };
    const regulation = { ...R, opco: { filingDays: 10, decisionDays: 20 } };
    const [reminder] = planReminders(snapshot({ contract: { startDate: '2026-06-20', opcoFiledOn: null } }), settings, NOW, regulation);
    expect(reminder).toMatchObject({ kind: 'OPCO_FILING_DUE', dueOn: '2026-06-21', data: { filingDeadline: '2026-06-30' } });
  });
  it('is absent without a contract', () => {
    expect(plan(snapshot({ contract: null }))).toEqual([]);
  });
});

describe('OPCO_SILENCE', () => {
  const filed = { opcoFiledOn: '2026-06-10', opcoDecision: 'PENDING' as const };
  it('is due 20 days after filing while the OPCO has not decided, to the coordinator', () => {
    expect(summary(ofKind(plan(snapshot({ contract: filed })), 'OPCO_SILENCE'))).toEqual([
      { kind: 'OPCO_SILENCE', dueOn: '2026-06-30', dueAt: '2026-06-30T06:00:00.000Z', recipients: ['COORDINATOR'], dedupKey: 'pw-1:OPCO_SILENCE:2026-06-30' },
    ]);
    expect(ofKind(plan(snapshot({ contract: filed })), 'OPCO_SILENCE')[0]?.data).toEqual({ opcoFiledOn: '2026-06-10' });
  });
  it('reads a missing decision as pending', () => {
    expect(ofKind(plan(snapshot({ contract: { ...filed, opcoDecision: null } })), 'OPCO_SILENCE').map((r) => r.dueOn)).toEqual(['2026-06-30']);
  });
  it.each(['ACCEPTED', 'ACCEPTED_IMPLICIT', 'REFUSED'] as const)('is not planned once the decision is %s', (decision) => {
    expect(ofKind(plan(snapshot({ contract: { ...filed, opcoDecision: decision } })), 'OPCO_SILENCE')).toEqual([]);
  });
  it('is not planned before the contract is filed', () => {
    expect(ofKind(plan(snapshot({ contract: { startDate: '2026-06-20', opcoFiledOn: null, opcoDecision: 'PENDING' } })), 'OPCO_SILENCE')).toEqual([]);
  });
  it('takes the delay from the regulation', () => {
    const regulation = { ...R, opco: { filingDays: 5, decisionDays: 15 } };
    expect(ofKind(planReminders(snapshot({ contract: filed }), S, NOW, regulation), 'OPCO_SILENCE').map((r) => r.dueOn)).toEqual(['2026-06-25']);
  });
  it('moves with the filing date: a corrected filing day gives a new key', () => {
    const before = ofKind(plan(snapshot({ contract: filed })), 'OPCO_SILENCE').map((r) => r.dedupKey);
    const after = ofKind(plan(snapshot({ contract: { ...filed, opcoFiledOn: '2026-06-12' } })), 'OPCO_SILENCE').map((r) => r.dedupKey);
    expect(before).toEqual(['pw-1:OPCO_SILENCE:2026-06-30']);
    expect(after).toEqual(['pw-1:OPCO_SILENCE:2026-07-02']);
  });
});

describe('TRIAL_ENDING', () => {
  it('is due 3 days before the trial ends, to the coordinator, the employer and the tutor', () => {
    expect(ofKind(plan(snapshot()), 'TRIAL_ENDING')).toEqual([
      {
        kind: 'TRIAL_ENDING',
        dueOn: '2026-07-17',
        dueAt: new Date('2026-07-17T06:00:00Z'),
        recipients: ['COORDINATOR', 'EMPLOYER', 'TUTOR'],
        dedupKey: 'pw-1:TRIAL_ENDING:2026-07-17',
        data: { trialEndDate: '2026-07-20' },
      },
    ]);
  });
  it('is not planned without a trial period', () => {
    expect(ofKind(plan(snapshot({ contract: { trialEndDate: null } })), 'TRIAL_ENDING')).toEqual([]);
  });
  it('is not planned when the contract was ended during the trial', () => {
    expect(ofKind(plan(snapshot({ contract: { endedOn: '2026-07-20' } })), 'TRIAL_ENDING')).toEqual([]);
    expect(ofKind(plan(snapshot({ contract: { endedOn: '2026-07-01' } })), 'TRIAL_ENDING')).toEqual([]);
  });
  it('is still planned when an end after the trial is recorded', () => {
    expect(ofKind(plan(snapshot({ contract: { endedOn: '2026-09-30' } })), 'TRIAL_ENDING').map((r) => r.dueOn)).toEqual(['2026-07-17']);
  });
  it('is not planned once due: on the due day at 08:00 Paris it is the sender’s', () => {
    const justBefore = new Date('2026-07-17T05:59:59.999Z');
    const atTime = new Date('2026-07-17T06:00:00.000Z');
    expect(ofKind(plan(snapshot(), justBefore), 'TRIAL_ENDING').map((r) => r.dueOn)).toEqual(['2026-07-17']);
    expect(ofKind(plan(snapshot(), atTime), 'TRIAL_ENDING')).toEqual([]);
  });
  it('is not planned before the contract starts (a trial of less than the lead)', () => {
    expect(ofKind(plan(snapshot({ contract: { startDate: '2026-07-01', trialEndDate: '2026-07-02' } })), 'TRIAL_ENDING')).toEqual([]);
  });
});

describe('PAY_BRACKET_CHANGE', () => {
  // Born 2005-09-12: 21 on 2026-09-12 (change on 2026-10-01), 26 on 2031-09-12 (change on 2031-10-01).
  const young = { birthDate: '2005-09-12' };
  it('is due the 1st of the month after the 21st birthday, within the contract, to the coordinator', () => {
    expect(ofKind(plan(snapshot({ candidate: young })), 'PAY_BRACKET_CHANGE')).toEqual([
      {
        kind: 'PAY_BRACKET_CHANGE',
        dueOn: '2026-10-01',
        dueAt: new Date('2026-10-01T06:00:00Z'),
        recipients: ['COORDINATOR'],
        dedupKey: 'pw-1:PAY_BRACKET_CHANGE:21:2026-10-01',
        data: { effectiveOn: '2026-10-01', bracketFromAge: 21 },
      },
    ]);
  });
  it('plans both changes when the contract covers them', () => {
    const reminders = plan(snapshot({ candidate: young, contract: { plannedEndDate: '2031-12-31' } }));
    expect(ofKind(reminders, 'PAY_BRACKET_CHANGE').map((r) => r.dedupKey)).toEqual([
      'pw-1:PAY_BRACKET_CHANGE:21:2026-10-01',
      'pw-1:PAY_BRACKET_CHANGE:26:2031-10-01',
    ]);
  });
  it('is due on the change day even when it is the contract’s last day', () => {
    expect(ofKind(plan(snapshot({ candidate: young, contract: { plannedEndDate: '2026-10-01' } })), 'PAY_BRACKET_CHANGE').map((r) => r.dueOn)).toEqual(['2026-10-01']);
  });
  it('is not planned for a change after the contract ends (planned or actual end)', () => {
    expect(ofKind(plan(snapshot({ candidate: young, contract: { plannedEndDate: '2026-09-30' } })), 'PAY_BRACKET_CHANGE')).toEqual([]);
    expect(ofKind(plan(snapshot({ candidate: young, contract: { endedOn: '2026-09-15' } })), 'PAY_BRACKET_CHANGE')).toEqual([]);
  });
  it('is not planned for a change on the start day: the new rate applies from day one', () => {
    expect(ofKind(plan(snapshot({ candidate: young, contract: { startDate: '2026-10-01' } })), 'PAY_BRACKET_CHANGE')).toEqual([]);
  });
  it('is not planned for a change already past', () => {
    expect(ofKind(plan(snapshot({ candidate: young }), new Date('2026-10-01T06:00:00Z')), 'PAY_BRACKET_CHANGE')).toEqual([]);
  });
  it('is not planned when no birthday bracket falls in the contract', () => {
    expect(ofKind(plan(snapshot()), 'PAY_BRACKET_CHANGE')).toEqual([]);
  });
});

describe('CONTRACT_ENDING', () => {
  it('is due 90 and 30 days before the planned end, escalated while no jury is scheduled', () => {
    expect(ofKind(plan(snapshot()), 'CONTRACT_ENDING')).toEqual([
      {
        kind: 'CONTRACT_ENDING',
        dueOn: '2027-04-01',
        dueAt: new Date('2027-04-01T06:00:00Z'),
        recipients: ['COORDINATOR'],
        dedupKey: 'pw-1:CONTRACT_ENDING:90:2027-04-01',
        data: { plannedEndDate: '2027-06-30', daysBefore: 90, escalated: true },
      },
      {
        kind: 'CONTRACT_ENDING',
        dueOn: '2027-05-31',
        dueAt: new Date('2027-05-31T06:00:00Z'),
        recipients: ['COORDINATOR'],
        dedupKey: 'pw-1:CONTRACT_ENDING:30:2027-05-31',
        data: { plannedEndDate: '2027-06-30', daysBefore: 30, escalated: true },
      },
    ]);
  });

  const escalatedIn = (changes: Partial<ReminderSnapshot>) => ofKind(plan(snapshot(changes)), 'CONTRACT_ENDING').map((r) => r.data?.['escalated']);
  it('is not escalated when a jury is scheduled', () => {
    expect(escalatedIn({ state: 'JURY_SCHEDULED', activeJury: { date: '2027-05-20', result: null } })).toEqual([false, false]);
  });
  it('is escalated when the candidate was absent from the jury (a new date is needed)', () => {
    expect(escalatedIn({ state: 'DOSSIER_SUBMITTED', activeJury: { date: '2026-06-10', result: 'ABSENT' } })).toEqual([true, true]);
  });
  it.each(['CERTIFIED', 'PARTIALLY_CERTIFIED', 'NOT_CERTIFIED'] as const)('is not escalated once the jury has given its result (%s)', (state) => {
    const result = state === 'CERTIFIED' ? 'FULL' : state === 'PARTIALLY_CERTIFIED' ? 'PARTIAL' : 'REFUSED';
    expect(escalatedIn({ state, activeJury: { date: '2026-06-10', result } })).toEqual([false, false]);
  });
  it.each(['CERTIFICATION_CHOSEN', 'EXPERIENCE', 'ADMISSIBILITY_PENDING', 'DOSSIER', 'DOSSIER_SUBMITTED'] as const)('is escalated in %s', (state) => {
    expect(escalatedIn({ state })).toEqual([true, true]);
  });

  it('a moved planned end gives new keys, and the old ones leave the plan', () => {
    const before = ofKind(plan(snapshot()), 'CONTRACT_ENDING').map((r) => r.dedupKey);
    const after = ofKind(plan(snapshot({ contract: { plannedEndDate: '2027-08-31' } })), 'CONTRACT_ENDING').map((r) => r.dedupKey);
    expect(after).toEqual(['pw-1:CONTRACT_ENDING:90:2027-06-02', 'pw-1:CONTRACT_ENDING:30:2027-08-01']);
    for (const key of before) expect(after).not.toContain(key);
    // The other reminders keep their keys.
    expect(plan(snapshot({ contract: { plannedEndDate: '2027-08-31' } })).map((r) => r.dedupKey)).toContain('pw-1:TRIAL_ENDING:2026-07-17');
  });
  it('a recorded actual end cancels them', () => {
    expect(ofKind(plan(snapshot({ contract: { endedOn: '2026-12-31' } })), 'CONTRACT_ENDING')).toEqual([]);
  });
  it('skips a lead that falls before the contract starts', () => {
    const reminders = plan(snapshot({ contract: { startDate: '2026-07-01', plannedEndDate: '2026-09-15', trialEndDate: null } }));
    // −90 days would be 2026-06-17: after now but before the start.
    expect(ofKind(reminders, 'CONTRACT_ENDING').map((r) => r.dedupKey)).toEqual(['pw-1:CONTRACT_ENDING:30:2026-08-16']);
  });
  it('keeps only the leads still ahead', () => {
    const reminders = plan(snapshot(), new Date('2027-04-01T06:00:00Z'));
    expect(ofKind(reminders, 'CONTRACT_ENDING').map((r) => r.dueOn)).toEqual(['2027-05-31']);
  });
  it('follows the leads of the settings, once each', () => {
    const settings = { ...S, contractEndingLeadDays: [60, 60, 15] };
    expect(ofKind(plan(snapshot(), NOW, settings), 'CONTRACT_ENDING').map((r) => r.dedupKey)).toEqual([
      'pw-1:CONTRACT_ENDING:60:2027-05-01',
      'pw-1:CONTRACT_ENDING:15:2027-06-15',
    ]);
  });
});

describe('AFEST_REFLECTION_DUE', () => {
  const cycles = [
    { id: 'afest-1', situationOn: '2026-06-12', reflectionOn: null },
    { id: 'afest-2', situationOn: '2026-06-14', reflectionOn: '2026-06-15' },
    { id: 'afest-3', situationOn: null, reflectionOn: null },
    { id: 'afest-4', situationOn: '2026-06-01', reflectionOn: null },
    { id: 'afest-5', situationOn: '2026-06-15', reflectionOn: null },
  ];
  it('is due 7 days after the mise en situation of each cycle without séquence réflexive, to the tutor', () => {
    // afest-2 has its séquence, afest-3 no mise en situation yet, afest-4 was due on 2026-06-08.
    expect(ofKind(plan(snapshot({ openAfestCycles: cycles })), 'AFEST_REFLECTION_DUE')).toEqual([
      {
        kind: 'AFEST_REFLECTION_DUE',
        dueOn: '2026-06-19',
        dueAt: new Date('2026-06-19T06:00:00Z'),
        recipients: ['TUTOR'],
        dedupKey: 'pw-1:AFEST_REFLECTION_DUE:afest-1:2026-06-19',
        data: { afestCycleId: 'afest-1', situationOn: '2026-06-12' },
      },
      {
        kind: 'AFEST_REFLECTION_DUE',
        dueOn: '2026-06-22',
        dueAt: new Date('2026-06-22T06:00:00Z'),
        recipients: ['TUTOR'],
        dedupKey: 'pw-1:AFEST_REFLECTION_DUE:afest-5:2026-06-22',
        data: { afestCycleId: 'afest-5', situationOn: '2026-06-15' },
      },
    ]);
  });
  it('leaves the plan once the séquence réflexive is recorded', () => {
    const done = cycles.map((cycle) => ({ ...cycle, reflectionOn: cycle.reflectionOn ?? '2026-06-15' }));
    expect(ofKind(plan(snapshot({ openAfestCycles: done })), 'AFEST_REFLECTION_DUE')).toEqual([]);
  });
  it('is planned without a contract too (the cycle is what matters)', () => {
    expect(ofKind(plan(snapshot({ contract: null, openAfestCycles: cycles })), 'AFEST_REFLECTION_DUE')).toHaveLength(2);
  });
});

describe('ADMISSIBILITY_CHECK and ADMISSIBILITY_IMPLICIT', () => {
  const pending = { completeOn: '2026-06-01', decision: null, validUntil: null };
  const inPending = (activeAdmissibility: ReminderSnapshot['activeAdmissibility'], state: PathwayState = 'ADMISSIBILITY_PENDING') =>
    plan(snapshot({ state, activeAdmissibility })).filter((r) => r.kind.startsWith('ADMISSIBILITY_'));

  it('are due 45 days and 2 months after the complete file while undecided, to the coordinator', () => {
    expect(inPending(pending)).toEqual([
      {
        kind: 'ADMISSIBILITY_CHECK',
        dueOn: '2026-07-16',
        dueAt: new Date('2026-07-16T06:00:00Z'),
        recipients: ['COORDINATOR'],
        dedupKey: 'pw-1:ADMISSIBILITY_CHECK:2026-07-16',
        data: { completeOn: '2026-06-01', implicitOn: '2026-08-01' },
      },
      {
        kind: 'ADMISSIBILITY_IMPLICIT',
        dueOn: '2026-08-01',
        dueAt: new Date('2026-08-01T06:00:00Z'),
        recipients: ['COORDINATOR'],
        dedupKey: 'pw-1:ADMISSIBILITY_IMPLICIT:2026-08-01',
        data: { completeOn: '2026-06-01', implicitOn: '2026-08-01' },
      },
    ]);
  });
  it('count calendar months for the implicit decision (31 December + 2 months = 28 February)', () => {
    const reminders = inPending({ ...pending, completeOn: '2026-12-31' });
    expect(reminders.map((r) => r.dedupKey)).toEqual(['pw-1:ADMISSIBILITY_CHECK:2027-02-14', 'pw-1:ADMISSIBILITY_IMPLICIT:2027-02-28']);
  });
  it('are not planned before the file is complete', () => {
    expect(inPending({ ...pending, completeOn: null })).toEqual([]);
  });
  it('wait again for a decision on a file completed after INCOMPLETE', () => {
    expect(inPending({ ...pending, decision: 'INCOMPLETE', completeOn: '2026-06-10' }).map((r) => r.dueOn)).toEqual(['2026-07-25', '2026-08-10']);
  });
  it('leave the plan once decided (the pathway moves on)', () => {
    expect(inPending({ ...pending, decision: 'NOT_ADMISSIBLE' }, 'EXPERIENCE')).toEqual([]);
    expect(inPending({ ...pending, decision: 'ADMISSIBLE', validUntil: null }, 'DOSSIER')).toEqual([]);
  });
  it('are only planned in ADMISSIBILITY_PENDING', () => {
    for (const state of PATHWAY_STATES.filter((s) => s !== 'ADMISSIBILITY_PENDING')) {
      expect(inPending(pending, state).filter((r) => r.kind !== 'ADMISSIBILITY_EXPIRING')).toEqual([]);
    }
  });
  it('keep what is still ahead: the implicit day after the check day', () => {
    const reminders = plan(snapshot({ state: 'ADMISSIBILITY_PENDING', activeAdmissibility: pending }), new Date('2026-07-20T08:00:00Z'));
    expect(reminders.filter((r) => r.kind.startsWith('ADMISSIBILITY_')).map((r) => r.kind)).toEqual(['ADMISSIBILITY_IMPLICIT']);
  });
  it('take the delay from the regulation and the check from the settings', () => {
    const regulation = { ...R, admissibility: { ...R.admissibility, decisionMonths: 3 } };
    const settings = { ...S, admissibilityCheckAfterDays: 60 };
    const reminders = planReminders(snapshot({ state: 'ADMISSIBILITY_PENDING', activeAdmissibility: pending }), settings, NOW, regulation);
    expect(reminders.filter((r) => r.kind.startsWith('ADMISSIBILITY_')).map((r) => r.dedupKey)).toEqual([
      'pw-1:ADMISSIBILITY_CHECK:2026-07-31',
      'pw-1:ADMISSIBILITY_IMPLICIT:2026-09-01',
    ]);
  });
  it('drop the check when it would not come before the implicit day', () => {
    const settings = { ...S, admissibilityCheckAfterDays: 61 };
    const reminders = plan(snapshot({ state: 'ADMISSIBILITY_PENDING', activeAdmissibility: pending }), NOW, settings);
    expect(reminders.filter((r) => r.kind.startsWith('ADMISSIBILITY_')).map((r) => r.kind)).toEqual(['ADMISSIBILITY_IMPLICIT']);
  });
});

describe('ADMISSIBILITY_EXPIRING', () => {
  const admissible = { completeOn: '2026-03-10', decision: 'ADMISSIBLE' as const, validUntil: '2027-03-31' };
  const expiring = (changes: Partial<ReminderSnapshot>) => ofKind(plan(snapshot({ state: 'DOSSIER', activeAdmissibility: admissible, ...changes })), 'ADMISSIBILITY_EXPIRING');

  it('is due 60 and 30 days before the last valid day while no dossier is submitted, to the coordinator', () => {
    expect(expiring({})).toEqual([
      {
        kind: 'ADMISSIBILITY_EXPIRING',
        dueOn: '2027-01-30',
        dueAt: new Date('2027-01-30T07:00:00Z'),
        recipients: ['COORDINATOR'],
        dedupKey: 'pw-1:ADMISSIBILITY_EXPIRING:60:2027-01-30',
        data: { validUntil: '2027-03-31', daysBefore: 60 },
      },
      {
        kind: 'ADMISSIBILITY_EXPIRING',
        dueOn: '2027-03-01',
        dueAt: new Date('2027-03-01T07:00:00Z'),
        recipients: ['COORDINATOR'],
        dedupKey: 'pw-1:ADMISSIBILITY_EXPIRING:30:2027-03-01',
        data: { validUntil: '2027-03-31', daysBefore: 30 },
      },
    ]);
  });
  it('is planned for an implicit admissibility too', () => {
    expect(expiring({ activeAdmissibility: { ...admissible, decision: 'ADMISSIBLE_IMPLICIT' } }).map((r) => r.dueOn)).toEqual(['2027-01-30', '2027-03-01']);
  });
  it.each(['DOSSIER_SUBMITTED', 'JURY_SCHEDULED', 'CERTIFIED', 'EXPERIENCE'] as const)('is not planned in %s', (state) => {
    expect(expiring({ state, activeJury: state === 'JURY_SCHEDULED' ? { date: '2026-11-20', result: null } : null })).toEqual([]);
  });
  it('comes back when the dossier is returned (DOSSIER again)', () => {
    expect(ofKind(plan(snapshot({ state: 'DOSSIER_SUBMITTED', activeAdmissibility: admissible })), 'ADMISSIBILITY_EXPIRING')).toEqual([]);
    expect(expiring({}).map((r) => r.dedupKey)).toEqual(['pw-1:ADMISSIBILITY_EXPIRING:60:2027-01-30', 'pw-1:ADMISSIBILITY_EXPIRING:30:2027-03-01']);
  });
  it('is not planned without a positive decision and a validity end', () => {
    expect(expiring({ activeAdmissibility: { ...admissible, validUntil: null } })).toEqual([]);
    expect(expiring({ activeAdmissibility: { ...admissible, decision: null } })).toEqual([]);
    expect(expiring({ activeAdmissibility: null })).toEqual([]);
  });
  it('keeps only the leads still ahead, none once expired', () => {
    expect(ofKind(plan(snapshot({ state: 'DOSSIER', activeAdmissibility: admissible }), new Date('2027-02-01T12:00:00Z')), 'ADMISSIBILITY_EXPIRING').map((r) => r.dueOn)).toEqual(['2027-03-01']);
    expect(ofKind(plan(snapshot({ state: 'DOSSIER', activeAdmissibility: admissible }), new Date('2027-04-01T12:00:00Z')), 'ADMISSIBILITY_EXPIRING')).toEqual([]);
  });
});

describe('JURY_UPCOMING and JURY_RESULT_MISSING', () => {
  const scheduled = { state: 'JURY_SCHEDULED' as const, activeJury: { date: '2026-11-20', result: null } };
  const juryReminders = (snap: ReminderSnapshot, now: Date = NOW) => plan(snap, now).filter((r) => r.kind.startsWith('JURY_'));

  it('are due 14 days and 1 day before the jury (candidate, tutor, coordinator) and 7 days after it (coordinator)', () => {
    expect(juryReminders(snapshot(scheduled))).toEqual([
      {
        kind: 'JURY_UPCOMING',
        dueOn: '2026-11-06',
        dueAt: new Date('2026-11-06T07:00:00Z'),
        recipients: ['CANDIDATE', 'TUTOR', 'COORDINATOR'],
        dedupKey: 'pw-1:JURY_UPCOMING:14:2026-11-06',
        data: { juryDate: '2026-11-20', daysBefore: 14 },
      },
      {
        kind: 'JURY_UPCOMING',
        dueOn: '2026-11-19',
        dueAt: new Date('2026-11-19T07:00:00Z'),
        recipients: ['CANDIDATE', 'TUTOR', 'COORDINATOR'],
        dedupKey: 'pw-1:JURY_UPCOMING:1:2026-11-19',
        data: { juryDate: '2026-11-20', daysBefore: 1 },
      },
      {
        kind: 'JURY_RESULT_MISSING',
        dueOn: '2026-11-27',
        dueAt: new Date('2026-11-27T07:00:00Z'),
        recipients: ['COORDINATOR'],
        dedupKey: 'pw-1:JURY_RESULT_MISSING:2026-11-27',
        data: { juryDate: '2026-11-20' },
      },
    ]);
  });
  it('a rescheduled jury moves all three to new keys', () => {
    const before = juryReminders(snapshot(scheduled)).map((r) => r.dedupKey);
    const after = juryReminders(snapshot({ ...scheduled, activeJury: { date: '2026-12-04', result: null } })).map((r) => r.dedupKey);
    expect(after).toEqual(['pw-1:JURY_UPCOMING:14:2026-11-20', 'pw-1:JURY_UPCOMING:1:2026-12-03', 'pw-1:JURY_RESULT_MISSING:2026-12-11']);
    for (const key of before) expect(after).not.toContain(key);
  });
  it('after the jury, only the missing result is left; none once it is past', () => {
    expect(juryReminders(snapshot(scheduled), new Date('2026-11-21T09:00:00Z')).map((r) => r.kind)).toEqual(['JURY_RESULT_MISSING']);
    expect(juryReminders(snapshot(scheduled), new Date('2026-11-27T07:00:00Z'))).toEqual([]);
  });
  it('leave the plan once the result is recorded', () => {
    expect(juryReminders(snapshot({ state: 'CERTIFIED', activeJury: { date: '2026-11-20', result: 'FULL' } }))).toEqual([]);
    expect(juryReminders(snapshot({ state: 'DOSSIER_SUBMITTED', activeJury: { date: '2026-11-20', result: 'ABSENT' } }))).toEqual([]);
  });
  it('are not planned without an active jury, nor outside JURY_SCHEDULED', () => {
    expect(juryReminders(snapshot({ state: 'JURY_SCHEDULED', activeJury: null }))).toEqual([]);
    expect(juryReminders(snapshot({ state: 'DOSSIER_SUBMITTED', activeJury: { date: '2026-11-20', result: null } }))).toEqual([]);
    expect(juryReminders(snapshot({ state: 'EXPERIENCE' }))).toEqual([]);
  });
});

describe('pathway state', () => {
  /** Everything that would give reminders somewhere. */
  const busy = (state: PathwayState) =>
    snapshot({
      state,
      contract: { opcoFiledOn: '2026-06-10', opcoDecision: 'PENDING' },
      candidate: { birthDate: '2005-09-12' },
      activeAdmissibility: { completeOn: '2026-06-01', decision: null, validUntil: '2027-03-31' },
      activeJury: { date: '2026-11-20', result: null },
      openAfestCycles: [{ id: 'afest-1', situationOn: '2026-06-12', reflectionOn: null }],
    });

  it.each(['CLOSED', 'WITHDRAWN'] as const)('plans nothing for a %s pathway', (state) => {
    expect(plan(busy(state))).toEqual([]);
  });
  it('plans the contract and AFEST reminders in every other state', () => {
    for (const state of PATHWAY_STATES.filter((s) => s !== 'CLOSED' && s !== 'WITHDRAWN')) {
      const kinds = new Set(plan(busy(state)).map((r) => r.kind));
      for (const kind of ['OPCO_SILENCE', 'TRIAL_ENDING', 'PAY_BRACKET_CHANGE', 'CONTRACT_ENDING', 'AFEST_REFLECTION_DUE'] as const) {
        expect([state, kind, kinds.has(kind)]).toEqual([state, kind, true]);
      }
    }
  });
  it('plans the VAE reminders of the state only', () => {
    const vaeKinds = (state: PathwayState) => [...new Set(plan(busy(state)).map((r) => r.kind).filter((k) => k.startsWith('ADMISSIBILITY_') || k.startsWith('JURY_')))].sort();
    expect(vaeKinds('EXPERIENCE')).toEqual([]);
    expect(vaeKinds('ADMISSIBILITY_PENDING')).toEqual(['ADMISSIBILITY_CHECK', 'ADMISSIBILITY_IMPLICIT']);
    expect(vaeKinds('DOSSIER')).toEqual([]); // decision null: nothing to expire
    expect(vaeKinds('DOSSIER_SUBMITTED')).toEqual([]);
    expect(vaeKinds('JURY_SCHEDULED')).toEqual(['JURY_RESULT_MISSING', 'JURY_UPCOMING']);
  });
  it('sorts the plan by due instant', () => {
    const reminders = plan(busy('JURY_SCHEDULED'));
    const instants = reminders.map((r) => r.dueAt.getTime());
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
    expect(reminders.map((r) => r.dueOn)).toEqual([
      '2026-06-19', // AFEST
      '2026-06-30', // OPCO silence
      '2026-07-17', // trial
      '2026-10-01', // pay bracket
      '2026-11-06',
      '2026-11-19',
      '2026-11-27', // jury
      '2027-04-01',
      '2027-05-31', // contract end
    ]);
  });
  it('refuses an invalid instant', () => {
    expect(() => plan(snapshot(), new Date('nope'))).toThrow(RangeError);
  });
});

describe('due instants: 08:00 in Paris, across daylight saving', () => {
  // An unfiled contract starting 3 days before puts OPCO_FILING_DUE on the day.
  const filingDueOn = (startDate: string) => ofKind(plan(snapshot({ contract: { startDate, opcoFiledOn: null } }), new Date('2026-01-01T00:00:00Z')), 'OPCO_FILING_DUE');

  it.each([
    ['2026-01-12', '2026-01-15', '2026-01-15T07:00:00.000Z'], // winter, UTC+1
    ['2026-07-12', '2026-07-15', '2026-07-15T06:00:00.000Z'], // summer, UTC+2
    ['2026-03-25', '2026-03-28', '2026-03-28T07:00:00.000Z'], // the day before the spring change
    ['2026-03-26', '2026-03-29', '2026-03-29T06:00:00.000Z'], // last Sunday of March: already summer time at 08:00
    ['2026-03-27', '2026-03-30', '2026-03-30T06:00:00.000Z'],
    ['2026-10-21', '2026-10-24', '2026-10-24T06:00:00.000Z'], // the day before the autumn change
    ['2026-10-22', '2026-10-25', '2026-10-25T07:00:00.000Z'], // last Sunday of October: back to winter time at 08:00
    ['2026-10-23', '2026-10-26', '2026-10-26T07:00:00.000Z'],
  ])('a contract starting on %s: due on %s at %s', (startDate, dueOn, dueAt) => {
    const [reminder] = filingDueOn(startDate);
    expect(reminder?.dueOn).toBe(dueOn);
    expect(reminder?.dueAt.toISOString()).toBe(dueAt);
  });

  it('holds for every kind: the due instant is 08:00 on the due day in Paris', () => {
    const reminders = plan(
      snapshot({
        state: 'JURY_SCHEDULED',
        contract: { startDate: '2026-03-26', plannedEndDate: '2027-01-23', trialEndDate: '2026-04-01', opcoFiledOn: null },
        candidate: { birthDate: '2005-09-12' },
        activeJury: { date: '2026-10-26', result: null },
        openAfestCycles: [{ id: 'afest-1', situationOn: '2026-10-18', reflectionOn: null }],
      }),
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(reminders.map((r) => r.kind)).toEqual([
      'OPCO_FILING_DUE',
      'TRIAL_ENDING',
      'PAY_BRACKET_CHANGE',
      'JURY_UPCOMING',
      // Three on the same instant: ordered by dedup key.
      'AFEST_REFLECTION_DUE',
      'CONTRACT_ENDING',
      'JURY_UPCOMING',
      'JURY_RESULT_MISSING',
      'CONTRACT_ENDING',
    ]);
    const paris = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
    for (const reminder of reminders) {
      expect(parisDate(reminder.dueAt)).toBe(reminder.dueOn);
      expect(paris.format(reminder.dueAt)).toBe('08:00');
    }
    // The filing and the trial end fall on the spring change; the jury eve, the AFEST and the contract −90 days on the autumn one.
    expect(ofKind(reminders, 'OPCO_FILING_DUE').map((r) => r.dueAt.toISOString())).toEqual(['2026-03-29T06:00:00.000Z']);
    expect(ofKind(reminders, 'CONTRACT_ENDING').map((r) => r.dueAt.toISOString())).toEqual(['2026-10-25T07:00:00.000Z', '2026-12-24T07:00:00.000Z']);
    expect(ofKind(reminders, 'JURY_UPCOMING').map((r) => r.dueAt.toISOString())).toEqual(['2026-10-12T06:00:00.000Z', '2026-10-25T07:00:00.000Z']);
    expect(ofKind(reminders, 'AFEST_REFLECTION_DUE').map((r) => r.dueAt.toISOString())).toEqual(['2026-10-25T07:00:00.000Z']);
    expect(ofKind(reminders, 'TRIAL_ENDING').map((r) => r.dueAt.toISOString())).toEqual(['2026-03-29T06:00:00.000Z']);
  });

  it('uses the send time of the settings', () => {
    const [reminder] = ofKind(plan(snapshot(), NOW, { ...S, sendTime: '09:30' }), 'TRIAL_ENDING');
    expect(reminder?.dueAt.toISOString()).toBe('2026-07-17T07:30:00.000Z');
  });
});
