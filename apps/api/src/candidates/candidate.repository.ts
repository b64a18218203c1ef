import { Injectable } from '@nestjs/common';
import { Database, pageWithTotal, type Candidate, type Prisma } from '@jalon/server/database';

export type CandidateData = Omit<Prisma.CandidateUncheckedCreateInput, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class CandidateRepository {
  constructor(private readonly db: Database) {}

  create(tenantId: string, data: CandidateData): Promise<Candidate> {
    return this.db.client.candidate.create({ data: { ...data, tenantId } });
  }

  findById(tenantId: string, id: string): Promise<Candidate | null> {
    return this.db.client.candidate.findFirst({ where: { tenantId, id } });
  }

  async namesOf(tenantId: string, ids: string[]): Promise<Map<string, { firstName: string; lastName: string }>> {
    if (!ids.length) return new Map();
    const rows = await this.db.client.candidate.findMany({ where: { tenantId, id: { in: [...new Set(ids)] } }, select: { id: true, firstName: true, lastName: true } });
    return new Map(rows.map((r) => [r.id, { firstName: r.firstName, lastName: r.lastName }]));
  }

  async update(tenantId: string, id: string, data: Partial<CandidateData>): Promise<Candidate> {
    await this.db.client.candidate.updateMany({ where: { tenantId, id }, data });
    return (await this.findById(tenantId, id))!;
  }

  async delete(tenantId: string, id: string): Promise<void> {
    await this.db.client.candidate.deleteMany({ where: { tenantId, id } });
  }

  hasPathways(tenantId: string, id: string): Promise<boolean> {
    return this.db.client.pathway.count({ where: { tenantId, candidateId: id }, take: 1 }).then((n) => n > 0);
  }

  async list(tenantId: string, query: { search?: string; orderBy: Prisma.CandidateOrderByWithRelationInput; page: number; pageSize: number }): Promise<{ items: Candidate[]; total: number }> {
    const where: Prisma.CandidateWhereInput = { tenantId, ...(query.search ? { searchName: { contains: query.search } } : {}) };
    return pageWithTotal(
      () => this.db.client.candidate.findMany({ where, orderBy: [query.orderBy, { firstName: 'asc' }, { id: 'asc' }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      () => this.db.client.candidate.count({ where }),
    );
  }
}
