import { Injectable } from '@nestjs/common';
import { Database, type Contract, type Placement, type Prisma } from '@jalon/server/database';
import { currentOn } from './pathway.repository.js';

type ContractData = Omit<Prisma.ContractUncheckedCreateInput, 'id' | 'tenantId' | 'pathwayId' | 'createdAt' | 'updatedAt'>;
type PlacementData = Omit<Prisma.PlacementUncheckedCreateInput, 'id' | 'tenantId' | 'pathwayId' | 'createdAt'>;

/** Contracts and placements of a pathway (DESIGN.md §3). */
@Injectable()
export class ContractRepository {
  constructor(private readonly db: Database) {}

  createContract(tenantId: string, pathwayId: string, data: ContractData): Promise<Contract> {
    return this.db.client.contract.create({ data: { ...data, tenantId, pathwayId } });
  }

  findContract(tenantId: string, pathwayId: string, id: string): Promise<Contract | null> {
    return this.db.client.contract.findFirst({ where: { tenantId, pathwayId, id } });
  }

  async updateContract(tenantId: string, id: string, data: Partial<ContractData>): Promise<void> {
    await this.db.client.contract.updateMany({ where: { tenantId, id }, data });
  }

  createPlacement(tenantId: string, pathwayId: string, data: PlacementData): Promise<Placement> {
    return this.db.client.placement.create({ data: { ...data, tenantId, pathwayId } });
  }

  findPlacement(tenantId: string, pathwayId: string, id: string): Promise<Placement | null> {
    return this.db.client.placement.findFirst({ where: { tenantId, pathwayId, id } });
  }

  async updatePlacement(tenantId: string, id: string, data: Partial<PlacementData>): Promise<void> {
    await this.db.client.placement.updateMany({ where: { tenantId, id }, data });
  }

  /**
   * Alternants a company tutor follows on `day` (current placements of open
   * pathways), with row locks so that two placements made at once cannot
   * both pass the capacity check.
   */
  async lockTutorLoad(tenantId: string, tutorMembershipId: string, day: string): Promise<number> {
    await this.db.client.$queryRaw`SELECT id FROM memberships WHERE tenant_id = ${tenantId}::uuid AND id = ${tutorMembershipId}::uuid FOR UPDATE`;
    return this.db.client.placement.count({
      where: { tenantId, tutorMembershipId, ...currentOn(day), pathway: { state: { notIn: ['CLOSED', 'WITHDRAWN'] } } },
    });
  }
}
