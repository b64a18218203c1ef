import type { PathwaySnapshot } from '@jalon/domain';
import { fromDbDate, fromOptionalDbDate } from '@jalon/server/database';
import type { PathwayDetail } from './pathway.repository.js';

/**
 * What the state machine needs to know about a pathway, as plain data. The
 * current contract is the latest one not ended; a placement counts when it
 * is current today.
 */
export function toSnapshot(p: PathwayDetail, today: string, admissibilityRequestsThisYear: PathwaySnapshot['admissibilityRequestsThisYear']): PathwaySnapshot {
  const contract = [...p.contracts].reverse().find((c) => !c.actualEndDate) ?? null;
  const admissibility = p.admissibilities.find((a) => a.isActive) ?? null;
  const jury = p.jurySessions.find((j) => j.isActive) ?? null;
  return {
    state: p.state,
    certification: { id: p.certification.id, blocCodes: p.certification.blocs.map((b) => b.code), admissibilityValidityMonths: p.certification.admissibilityValidityMonths },
    targetBlocCodes: p.targetBlocCodes.length ? p.targetBlocCodes : null,
    contract: contract
      ? { startDate: fromDbDate(contract.startDate), plannedEndDate: fromDbDate(contract.plannedEndDate), opcoFiledOn: fromOptionalDbDate(contract.opcoFiledOn), endedOn: fromOptionalDbDate(contract.actualEndDate) }
      : null,
    hasCurrentPlacementWithTutor: p.placements.some((pl) => fromDbDate(pl.startDate) <= today && (!pl.endDate || fromDbDate(pl.endDate) >= today)),
    documentKinds: [...new Set(p.documents.map((d) => d.kind))],
    admissibilityRequestsThisYear,
    activeAdmissibility: admissibility
      ? { submittedOn: fromDbDate(admissibility.submittedOn), completeOn: fromOptionalDbDate(admissibility.completeOn), decision: admissibility.decision, validUntil: fromOptionalDbDate(admissibility.validUntil) }
      : null,
    activeJury: jury ? { date: fromDbDate(jury.date) } : null,
    acquiredBlocCodes: p.acquiredBlocCodes,
  };
}
