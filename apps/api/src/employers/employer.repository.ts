import { Injectable } from '@nestjs/common';
import { Database, pageWithTotal, type Employer, type Prisma } from '@jalon/server/database';

export type EmployerData = Omit<Prisma.EmployerUncheckedCreateInput, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class EmployerRepository {
  constructor(private readonly db: Database) {}

  create(tenantId: string, data: EmployerData): Promise<Employer> {
    return this.db.client.employer.create({ data: { ...data, tenantId } });
  }

  findById(tenantId: string, id: string): Promise<Employer | null> {
    return this.db.client.employer.findFirst({ where: { tenantId, id, archivedAt: null } });
  }

  /** Names by id, archived companies included (a member may still be linked to one). */
  async namesOf(tenantId: string, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.db.client.employer.findMany({ where: { tenantId, id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async update(tenantId: string, id: string, data: Partial<EmployerData>): Promise<Employer> {
    await this.db.client.employer.updateMany({ where: { tenantId, id }, data });
    return (await this.findById(tenantId, id))!;
  }

  async archive(tenantId: string, id: string): Promise<void> {
    await this.db.client.employer.updateMany({ where: { tenantId, id }, data: { archivedAt: new Date() } });
  }

  async list(tenantId: string, query: { search?: string; orderBy: Prisma.EmployerOrderByWithRelationInput; page: number; pageSize: number }): Promise<{ items: Employer[]; total: number }> {
    const where: Prisma.EmployerWhereInput = { tenantId, archivedAt: null, ...(query.search ? { searchName: { contains: query.search } } : {}) };
    return pageWithTotal(
      () => this.db.client.employer.findMany({ where, orderBy: [query.orderBy, { id: 'asc' }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      () => this.db.client.employer.count({ where }),
    );
  }
}
