import { Injectable } from '@nestjs/common';
import { isValidSiret } from '@jalon/domain';
import { ErrorCode, type CreateTenantInput, type Page, type TenantView } from '@jalon/contracts';
import { RequestContext } from '@jalon/server/context';
import { Database, Prisma, type Tenant } from '@jalon/server/database';
import { AppError, validationFailed } from '@jalon/server/errors';
import { AuditTrail } from '../audit/audit-trail.js';
import { InvitationsService } from '../invitations/invitations.service.js';
import { TenantRepository } from '../tenants/tenant.repository.js';

/** The platform administrator's work: tenants and their first admin, never case data. */
@Injectable()
export class PlatformTenantsService {
  constructor(
    private readonly db: Database,
    private readonly context: RequestContext,
    private readonly tenants: TenantRepository,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditTrail,
  ) {}

  async create(input: CreateTenantInput): Promise<TenantView> {
    if (input.siret && !isValidSiret(input.siret)) throw validationFailed([{ path: 'siret', message: 'Ce SIRET n’est pas valide (clé de contrôle incorrecte).' }]);
    if (await this.tenants.findBySlug(input.slug)) throw slugTaken();
    let tenant: Tenant;
    try {
      tenant = await this.tenants.create({ name: input.name, slug: input.slug, siret: input.siret ?? null });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw slugTaken();
      throw error;
    }
    // From here on this transaction writes inside the new tenant.
    await this.db.enterTenant(tenant.id);
    await this.audit.record({ action: 'tenant.create', entity: 'Tenant', entityId: tenant.id, after: { name: tenant.name, slug: tenant.slug } });
    await this.invitations.issue(tenant.id, { email: input.adminEmail, role: 'TENANT_ADMIN' }, this.context.principal!.userId);
    return toView(tenant);
  }

  async list(page: number, pageSize: number): Promise<Page<TenantView>> {
    const { items, total } = await this.tenants.list(page, pageSize);
    return { items: items.map(toView), total, page, pageSize };
  }
}

const slugTaken = () => new AppError(409, ErrorCode.TenantSlugTaken, 'Cet identifiant de GEIQ est déjà utilisé : choisissez-en un autre.');

const toView = (t: Tenant): TenantView => ({ id: t.id, name: t.name, slug: t.slug, siret: t.siret, createdAt: t.createdAt.toISOString() });
