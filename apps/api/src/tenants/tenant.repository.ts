import { Injectable } from '@nestjs/common';
import { Database, pageWithTotal, type Prisma, type Tenant } from '@jalon/server/database';

/** Tenants themselves are not tenant-scoped rows: the platform administrator lists them, login finds them by slug. */
@Injectable()
export class TenantRepository {
  constructor(private readonly db: Database) {}

  findById(id: string): Promise<Tenant | null> {
    return this.db.client.tenant.findUnique({ where: { id } });
  }

  findBySlug(slug: string): Promise<Tenant | null> {
    return this.db.client.tenant.findUnique({ where: { slug } });
  }

  async updateSettings(id: string, settings: Prisma.InputJsonValue): Promise<void> {
    await this.db.client.tenant.update({ where: { id }, data: { settings } });
  }

  create(data: { name: string; slug: string; siret: string | null }): Promise<Tenant> {
    return this.db.client.tenant.create({ data });
  }

  async list(page: number, pageSize: number): Promise<{ items: Tenant[]; total: number }> {
    return pageWithTotal(
      () => this.db.client.tenant.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], skip: (page - 1) * pageSize, take: pageSize }),
      () => this.db.client.tenant.count(),
    );
  }
}
