import { Injectable } from '@nestjs/common';
import type { CreateCertificationInput } from '@jalon/contracts';
import { Database, pageWithTotal, type Prisma } from '@jalon/server/database';

const withStructure = {
  blocs: { orderBy: { position: 'asc' }, include: { competencies: { orderBy: { position: 'asc' } } } },
} satisfies Prisma.CertificationInclude;

export type CertificationWithStructure = Prisma.CertificationGetPayload<{ include: typeof withStructure }>;

type Blocs = CreateCertificationInput['blocs'];

@Injectable()
export class CertificationRepository {
  constructor(private readonly db: Database) {}

  async create(tenantId: string, input: CreateCertificationInput): Promise<CertificationWithStructure> {
    const { blocs, ...fields } = input;
    const certification = await this.db.client.certification.create({ data: { ...fields, tenantId } });
    await this.createBlocs(tenantId, certification.id, blocs);
    return (await this.findById(tenantId, certification.id))!;
  }

  findById(tenantId: string, id: string): Promise<CertificationWithStructure | null> {
    return this.db.client.certification.findFirst({ where: { tenantId, id }, include: withStructure });
  }

  async update(tenantId: string, id: string, input: Partial<CreateCertificationInput>): Promise<CertificationWithStructure> {
    const { blocs, ...fields } = input;
    await this.db.client.certification.updateMany({ where: { tenantId, id }, data: fields });
    if (blocs) {
      await this.db.client.bloc.deleteMany({ where: { tenantId, certificationId: id } });
      await this.createBlocs(tenantId, id, blocs);
    }
    return (await this.findById(tenantId, id))!;
  }

  async delete(tenantId: string, id: string): Promise<void> {
    await this.db.client.certification.deleteMany({ where: { tenantId, id } });
  }

  isUsed(tenantId: string, id: string): Promise<boolean> {
    return this.db.client.pathway.count({ where: { tenantId, certificationId: id }, take: 1 }).then((n) => n > 0);
  }

  async list(tenantId: string, query: { search?: string; kind?: CreateCertificationInput['kind']; page: number; pageSize: number }): Promise<{ items: CertificationWithStructure[]; total: number }> {
    const where: Prisma.CertificationWhereInput = {
      tenantId,
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.search ? { OR: [{ title: { contains: query.search, mode: 'insensitive' } }, { code: { contains: query.search, mode: 'insensitive' } }] } : {}),
    };
    return pageWithTotal(
      () => this.db.client.certification.findMany({ where, include: withStructure, orderBy: [{ title: 'asc' }, { id: 'asc' }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      () => this.db.client.certification.count({ where }),
    );
  }

  private async createBlocs(tenantId: string, certificationId: string, blocs: Blocs): Promise<void> {
    for (const [position, bloc] of blocs.entries()) {
      await this.db.client.bloc.create({
        data: {
          tenantId,
          certificationId,
          code: bloc.code,
          title: bloc.title,
          position,
          competencies: { create: bloc.competencies.map((c, i) => ({ tenantId, code: c.code, title: c.title, position: i })) },
        },
      });
    }
  }
}
