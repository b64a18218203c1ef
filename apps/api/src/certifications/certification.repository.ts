import { Injectable } from '@nestjs/common';
import type { CreateCertificationInput, UpdateCertificationInput } from '@jalon/contracts';
import { Database, pageWithTotal, type Prisma } from '@jalon/server/database';

const withStructure = {
  blocs: { orderBy: { position: 'asc' }, include: { competencies: { orderBy: { position: 'asc' } } } },
} satisfies Prisma.CertificationInclude;

export type CertificationWithStructure = Prisma.CertificationGetPayload<{ include: typeof withStructure }>;

/** With how many pathways follow it: what the catalogue screens show. */
const withUsage = { ...withStructure, _count: { select: { pathways: true } } } satisfies Prisma.CertificationInclude;

export type CertificationWithUsage = Prisma.CertificationGetPayload<{ include: typeof withUsage }>;

type Blocs = CreateCertificationInput['blocs'];

@Injectable()
export class CertificationRepository {
  constructor(private readonly db: Database) {}

  async create(tenantId: string, input: CreateCertificationInput): Promise<CertificationWithUsage> {
    const { blocs, ...fields } = input;
    const certification = await this.db.client.certification.create({ data: { ...fields, tenantId } });
    await this.createBlocs(tenantId, certification.id, blocs);
    return (await this.findWithUsage(tenantId, certification.id))!;
  }

  findById(tenantId: string, id: string): Promise<CertificationWithStructure | null> {
    return this.db.client.certification.findFirst({ where: { tenantId, id }, include: withStructure });
  }

  findWithUsage(tenantId: string, id: string): Promise<CertificationWithUsage | null> {
    return this.db.client.certification.findFirst({ where: { tenantId, id }, include: withUsage });
  }

  async updateFields(tenantId: string, id: string, fields: Omit<UpdateCertificationInput, 'blocs'>): Promise<void> {
    await this.db.client.certification.updateMany({ where: { tenantId, id }, data: fields });
  }

  /** New blocs and competencies in place of the old ones (new ids): only for a certification no pathway follows. */
  async replaceBlocs(tenantId: string, id: string, blocs: Blocs): Promise<void> {
    await this.db.client.bloc.deleteMany({ where: { tenantId, certificationId: id } });
    await this.createBlocs(tenantId, id, blocs);
  }

  /** New titles and order for the same blocs and competencies (same codes): their ids, which progress entries point at, stay. */
  async retitleBlocs(tenantId: string, id: string, blocs: Blocs): Promise<void> {
    for (const [position, bloc] of blocs.entries()) {
      await this.db.client.bloc.updateMany({ where: { tenantId, certificationId: id, code: bloc.code }, data: { title: bloc.title, position } });
      for (const [i, competency] of bloc.competencies.entries()) {
        await this.db.client.competency.updateMany({
          where: { tenantId, code: competency.code, bloc: { tenantId, certificationId: id, code: bloc.code } },
          data: { title: competency.title, position: i },
        });
      }
    }
  }

  async delete(tenantId: string, id: string): Promise<void> {
    await this.db.client.certification.deleteMany({ where: { tenantId, id } });
  }

  async list(tenantId: string, query: { search?: string; kind?: CreateCertificationInput['kind']; page: number; pageSize: number }): Promise<{ items: CertificationWithUsage[]; total: number }> {
    const where: Prisma.CertificationWhereInput = {
      tenantId,
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.search ? { OR: [{ title: { contains: query.search, mode: 'insensitive' } }, { code: { contains: query.search, mode: 'insensitive' } }] } : {}),
    };
    return pageWithTotal(
      () => this.db.client.certification.findMany({ where, include: withUsage, orderBy: [{ title: 'asc' }, { id: 'asc' }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
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
