import { Injectable } from '@nestjs/common';
import type { ReminderSettings } from '@jalon/domain';
import type { ReminderSettingsInput, ReminderView } from '@jalon/contracts';
import { RequestContext } from '@jalon/server/context';
import { validationFailed } from '@jalon/server/errors';
import { ReminderPlanner, ReminderRepository } from '@jalon/server/reminders';
import { AuditTrail } from '../audit/audit-trail.js';
import { PathwayAccess } from '../pathways/pathway-access.js';
import { TenantRepository } from '../tenants/tenant.repository.js';

@Injectable()
export class RemindersService {
  constructor(
    private readonly context: RequestContext,
    private readonly access: PathwayAccess,
    private readonly reminders: ReminderRepository,
    private readonly planner: ReminderPlanner,
    private readonly tenants: TenantRepository,
    private readonly audit: AuditTrail,
  ) {}

  async list(pathwayId: string): Promise<ReminderView[]> {
    await this.access.assertVisible(pathwayId);
    return (await this.reminders.list(this.context.tenantId, pathwayId)).map((r) => ({
      id: r.id,
      kind: r.kind,
      dueAt: r.dueAt.toISOString(),
      status: r.status,
      recipients: r.recipients,
      sentAt: r.sentAt?.toISOString() ?? null,
      lastError: r.lastError,
    }));
  }

  settings(): Promise<ReminderSettings> {
    return this.planner.settings(this.context.tenantId);
  }

  /**
   * Saved in the tenant's settings. Re-planning every open pathway is the
   * worker's (`reminder.replan`, queued once this commits): a GEIQ with
   * hundreds of pathways does not wait for it.
   */
  async updateSettings(input: ReminderSettingsInput): Promise<ReminderSettings> {
    const tenantId = this.context.tenantId;
    const before = await this.planner.settings(tenantId);
    const after = { ...before, ...input };
    if (after.tutorSilentEscalationDays <= after.tutorSilentDays) {
      throw validationFailed([{ path: 'tutorSilentEscalationDays', message: 'L’escalade doit venir après le premier rappel de silence du tuteur.' }]);
    }
    const tenant = (await this.tenants.findById(tenantId))!;
    await this.tenants.updateSettings(tenantId, { ...(tenant.settings as object), reminders: after });
    await this.planner.requestReplan(tenantId);
    await this.audit.record({ action: 'settings.reminders', entity: 'Tenant', entityId: tenantId, before, after });
    return after;
  }
}
