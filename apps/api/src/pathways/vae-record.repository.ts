import { Injectable } from '@nestjs/common';
import { Database, toDbDate, type AdmissibilityDecision, type JuryResult } from '@jalon/server/database';

/**
 * The versioned VAE records of a pathway: one row per attempt, the current
 * one `isActive` (recevabilité, dossier de validation, jury and bloc results).
 */
@Injectable()
export class VaeRecordRepository {
  constructor(private readonly db: Database) {}

  async startAdmissibility(tenantId: string, pathwayId: string, data: { submittedOn: string; completeOn?: string; blocsOnly: boolean }): Promise<void> {
    const attempt = await this.nextAttempt(tenantId, pathwayId, 'admissibility');
    await this.db.client.admissibility.updateMany({ where: { tenantId, pathwayId, isActive: true }, data: { isActive: false } });
    await this.db.client.admissibility.create({
      data: { tenantId, pathwayId, attempt, blocsOnly: data.blocsOnly, submittedOn: toDbDate(data.submittedOn), completeOn: data.completeOn ? toDbDate(data.completeOn) : null },
    });
  }

  async decideAdmissibility(tenantId: string, pathwayId: string, data: { decision: AdmissibilityDecision; decidedOn: string; validUntil?: string | null; completeOn?: string }): Promise<void> {
    await this.db.client.admissibility.updateMany({
      where: { tenantId, pathwayId, isActive: true },
      data: {
        decision: data.decision,
        decidedOn: toDbDate(data.decidedOn),
        isImplicit: data.decision === 'ADMISSIBLE_IMPLICIT',
        ...(data.validUntil ? { validUntil: toDbDate(data.validUntil) } : {}),
        ...(data.completeOn ? { completeOn: toDbDate(data.completeOn) } : {}),
      },
    });
  }

  async submitDossier(tenantId: string, pathwayId: string, submittedOn: string): Promise<void> {
    const attempt = await this.nextAttempt(tenantId, pathwayId, 'validationDossier');
    await this.db.client.validationDossier.updateMany({ where: { tenantId, pathwayId, isActive: true }, data: { isActive: false } });
    await this.db.client.validationDossier.create({ data: { tenantId, pathwayId, attempt, submittedOn: toDbDate(submittedOn) } });
  }

  async returnDossier(tenantId: string, pathwayId: string, returnedOn: string, reason: string): Promise<void> {
    await this.db.client.validationDossier.updateMany({ where: { tenantId, pathwayId, isActive: true }, data: { returnedOn: toDbDate(returnedOn), returnReason: reason } });
  }

  async scheduleJury(tenantId: string, pathwayId: string, date: string, place?: string): Promise<void> {
    const attempt = await this.nextAttempt(tenantId, pathwayId, 'jurySession');
    await this.db.client.jurySession.updateMany({ where: { tenantId, pathwayId, isActive: true }, data: { isActive: false } });
    await this.db.client.jurySession.create({ data: { tenantId, pathwayId, attempt, date: toDbDate(date), place: place ?? null } });
  }

  async rescheduleJury(tenantId: string, pathwayId: string, date: string, place?: string): Promise<void> {
    await this.db.client.jurySession.updateMany({ where: { tenantId, pathwayId, isActive: true }, data: { date: toDbDate(date), ...(place !== undefined ? { place } : {}) } });
  }

  /** The result of the active jury session, with one row per bloc judged. */
  async recordJuryResult(tenantId: string, pathwayId: string, result: JuryResult, blocs: { code: string; acquired: boolean }[]): Promise<void> {
    const jury = await this.db.client.jurySession.findFirst({ where: { tenantId, pathwayId, isActive: true } });
    if (!jury) return;
    await this.db.client.jurySession.updateMany({ where: { tenantId, id: jury.id }, data: { result, resultRecordedAt: new Date() } });
    if (blocs.length) {
      await this.db.client.blocResult.createMany({ data: blocs.map((b) => ({ tenantId, jurySessionId: jury.id, blocCode: b.code, acquired: b.acquired })) });
    }
  }

  private async nextAttempt(tenantId: string, pathwayId: string, model: 'admissibility' | 'validationDossier' | 'jurySession'): Promise<number> {
    const where = { tenantId, pathwayId };
    const count =
      model === 'admissibility'
        ? await this.db.client.admissibility.count({ where })
        : model === 'validationDossier'
          ? await this.db.client.validationDossier.count({ where })
          : await this.db.client.jurySession.count({ where });
    return count + 1;
  }
}
