import { Injectable } from '@nestjs/common';
import { Database, pageWithTotal, Prisma, type Cohort } from '@jalon/server/database';

export type CohortWithCount = Cohort & { _count: { pathways: number } };
type CohortData = Omit<Prisma.CohortUncheckedCreateInput, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;

const withCount = { _count: { select: { pathways: true } } } satisfies Prisma.CohortInclude;

@Injectable()
export class CohortRepository {
  constructor(private readonly db: Database) {}

  async create(tenantId: string, data: CohortData): Promise<CohortWithCount> {
    const cohort = await this.db.client.cohort.create({ data: { ...data, tenantId } });
    return (await this.findById(tenantId, cohort.id))!;
  }

  /**
   * Locks the cohort until the transaction ends: 'share' while a pathway is
   * put in it (its certification cannot change meanwhile), 'update' while its
   * certification changes (no pathway can join it meanwhile). False when it
   * is not there.
   */
  async lock(tenantId: string, id: string, mode: 'share' | 'update'): Promise<boolean> {
    const rows = await this.db.client.$queryRaw<unknown[]>`SELECT id FROM cohorts WHERE tenant_id = ${tenantId}::uuid AND id = ${id}::uuid FOR ${mode === 'share' ? Prisma.sql`SHARE` : Prisma.sql`UPDATE`}`;
    return rows.length === 1;
  }

  findById(tenantId: string, id: string): Promise<CohortWithCount | null> {
    return this.db.client.cohort.findFirst({ where: { tenantId, id }, include: withCount });
  }

  async update(tenantId: string, id: string, data: Partial<CohortData>): Promise<CohortWithCount> {
    await this.db.client.cohort.updateMany({ where: { tenantId, id }, data });
    return (await this.findById(tenantId, id))!;
  }

  async delete(tenantId: string, id: string): Promise<void> {
    await this.db.client.cohort.deleteMany({ where: { tenantId, id } });
  }

  async list(tenantId: string, query: { certificationId?: string; page: number; pageSize: number }): Promise<{ items: CohortWithCount[]; total: number }> {
    const where: Prisma.CohortWhereInput = { tenantId, ...(query.certificationId ? { certificationId: query.certificationId } : {}) };
    return pageWithTotal(
      () => this.db.client.cohort.findMany({ where, include: withCount, orderBy: [{ startDate: 'desc' }, { id: 'asc' }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      () => this.db.client.cohort.count({ where }),
    );
  }
}
