import type { ContractView, PathwaySummary, PathwayView, PlacementView, StatusHistoryView } from '@jalon/contracts';
import { fromDbDate, fromOptionalDbDate, type Contract, type StatusHistory } from '@jalon/server/database';
import type { PathwayDetail, PathwaySummaryRow } from './pathway.repository.js';

export function toSummary(p: PathwaySummaryRow): PathwaySummary {
  return {
    id: p.id,
    state: p.state,
    version: p.version,
    activity: p.activity,
    candidate: { id: p.candidate.id, firstName: p.candidate.firstName, lastName: p.candidate.lastName },
    certification: { id: p.certification.id, code: p.certification.code, title: p.certification.title },
    cohortId: p.cohortId,
    referentCoordinatorId: p.referentCoordinatorId,
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function toContractView(c: Contract): ContractView {
  return {
    id: c.id,
    kind: c.kind,
    startDate: fromDbDate(c.startDate),
    plannedEndDate: fromDbDate(c.plannedEndDate),
    trialEndDate: fromOptionalDbDate(c.trialEndDate),
    actualEndDate: fromOptionalDbDate(c.actualEndDate),
    terminationReason: c.terminationReason,
    weeklyHours: c.weeklyHours === null ? null : Number(c.weeklyHours),
    payPercentOfSmic: c.payPercentOfSmic,
    opco: c.opco,
    opcoFiledOn: fromOptionalDbDate(c.opcoFiledOn),
    opcoDecision: c.opcoDecision,
    annualFundingEur: c.annualFundingEur,
    isRenewal: c.isRenewal,
  };
}

export function toView(p: PathwayDetail, availableActions: string[], heldBackActions: PathwayView['heldBackActions']): PathwayView {
  return {
    ...toSummary(p),
    targetBlocCodes: p.targetBlocCodes,
    acquiredBlocCodes: p.acquiredBlocCodes,
    exitOutcome: p.exitOutcome,
    contracts: p.contracts.map(toContractView),
    placements: p.placements.map(
      (pl): PlacementView => ({
        id: pl.id,
        contractId: pl.contractId,
        employer: pl.employer,
        tutor: { membershipId: pl.tutorMembershipId, firstName: pl.tutor.user.firstName, lastName: pl.tutor.user.lastName },
        tutorIsEmployer: pl.tutorIsEmployer,
        startDate: fromDbDate(pl.startDate),
        endDate: fromOptionalDbDate(pl.endDate),
      }),
    ),
    admissibilities: p.admissibilities.map((a) => ({
      id: a.id,
      attempt: a.attempt,
      isActive: a.isActive,
      blocsOnly: a.blocsOnly,
      submittedOn: fromDbDate(a.submittedOn),
      completeOn: fromOptionalDbDate(a.completeOn),
      decision: a.decision,
      decidedOn: fromOptionalDbDate(a.decidedOn),
      isImplicit: a.isImplicit,
      validUntil: fromOptionalDbDate(a.validUntil),
    })),
    validationDossiers: p.validationDossiers.map((d) => ({
      id: d.id,
      attempt: d.attempt,
      isActive: d.isActive,
      submittedOn: fromDbDate(d.submittedOn),
      returnedOn: fromOptionalDbDate(d.returnedOn),
      returnReason: d.returnReason,
    })),
    jurySessions: p.jurySessions.map((j) => ({
      id: j.id,
      attempt: j.attempt,
      isActive: j.isActive,
      date: fromDbDate(j.date),
      place: j.place,
      result: j.result,
      blocResults: j.blocResults.map((b) => ({ blocCode: b.blocCode, acquired: b.acquired })),
    })),
    availableActions,
    heldBackActions,
    createdAt: p.createdAt.toISOString(),
  };
}

export function toHistoryView(h: StatusHistory): StatusHistoryView {
  return { id: h.id, fromState: h.fromState, toState: h.toState, action: h.action, payload: h.payload, actorId: h.actorId, occurredAt: h.occurredAt.toISOString() };
}
