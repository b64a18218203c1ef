import { Injectable } from '@nestjs/common';
import type { PathwayEvent } from '@jalon/domain';
import { RequestContext } from '@jalon/server/context';
import { toDbDate, type Prisma } from '@jalon/server/database';
import { ContractRepository } from './contract.repository.js';
import type { PathwayDetail } from './pathway.repository.js';
import { VaeRecordRepository } from './vae-record.repository.js';

/**
 * Writes what the state machine's events say besides the new state: the
 * versioned VAE records (a new attempt, or a decision on the current one),
 * the acquired blocs, the contract's end on withdrawal. Returns the fields of
 * the pathway row to update with the state.
 */
@Injectable()
export class TransitionRecorder {
  constructor(
    private readonly context: RequestContext,
    private readonly records: VaeRecordRepository,
    private readonly contracts: ContractRepository,
  ) {}

  async record(pathway: PathwayDetail, events: PathwayEvent[]): Promise<Prisma.PathwayUncheckedUpdateManyInput> {
    const changes: Prisma.PathwayUncheckedUpdateManyInput = {};
    for (const event of events) Object.assign(changes, await this.apply(pathway, event));
    return changes;
  }

  private async apply(pathway: PathwayDetail, event: PathwayEvent): Promise<Prisma.PathwayUncheckedUpdateManyInput> {
    const tenantId = this.context.tenantId;
    const id = pathway.id;
    switch (event.type) {
      case 'PathwayStarted':
      case 'AttemptResumed':
        return {};
      case 'AdmissibilitySubmitted':
        await this.records.startAdmissibility(tenantId, id, { submittedOn: event.submittedOn, completeOn: event.completeOn ?? undefined, blocsOnly: event.blocsOnly });
        return {};
      case 'AdmissibilityDecided':
        await this.records.decideAdmissibility(tenantId, id, { decision: event.decision, decidedOn: event.decidedOn, validUntil: event.validUntil, completeOn: event.completeOn ?? undefined });
        return {};
      case 'DossierSubmitted':
        await this.records.submitDossier(tenantId, id, event.submittedOn);
        return {};
      case 'DossierReturned':
        await this.records.returnDossier(tenantId, id, event.returnedOn, event.reason);
        return {};
      case 'JuryScheduled':
        await this.records.scheduleJury(tenantId, id, event.date, event.place ?? undefined);
        return {};
      case 'JuryRescheduled':
        await this.records.rescheduleJury(tenantId, id, event.date, event.place ?? undefined);
        return {};
      case 'JuryResultRecorded': {
        const judged = pathway.targetBlocCodes.length ? pathway.targetBlocCodes : pathway.certification.blocs.map((b) => b.code);
        const blocs = event.result === 'ABSENT' ? [] : judged.map((code) => ({ code, acquired: event.validatedBlocCodes.includes(code) }));
        await this.records.recordJuryResult(tenantId, id, event.result, blocs);
        return { acquiredBlocCodes: event.acquiredBlocCodes };
      }
      case 'PathwayClosed':
        return { exitOutcome: event.exitOutcome };
      case 'PathwayWithdrawn': {
        const contract = [...pathway.contracts].reverse().find((c) => !c.actualEndDate);
        if (contract) {
          await this.contracts.updateContract(tenantId, contract.id, { actualEndDate: toDbDate(event.date), terminationReason: event.reason, terminatedInTrial: event.inTrial });
        }
        return { exitOutcome: 'WITHDRAWN' };
      }
    }
  }
}
