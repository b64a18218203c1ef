import { Injectable } from '@nestjs/common';
import { Database, type Document } from '@jalon/server/database';

@Injectable()
export class DocumentRepository {
  constructor(private readonly db: Database) {}

  create(tenantId: string, data: { pathwayId: string; kind: string; fileName: string; mimeType: string; sizeBytes: number; sha256: string; storageKey: string; uploadedById: string }): Promise<Document> {
    return this.db.client.document.create({ data: { ...data, tenantId } });
  }

  find(tenantId: string, pathwayId: string, id: string): Promise<Document | null> {
    return this.db.client.document.findFirst({ where: { tenantId, pathwayId, id, deletedAt: null } });
  }

  list(tenantId: string, pathwayId: string): Promise<Document[]> {
    return this.db.client.document.findMany({ where: { tenantId, pathwayId, deletedAt: null }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  }

  async softDelete(tenantId: string, id: string): Promise<void> {
    await this.db.client.document.updateMany({ where: { tenantId, id }, data: { deletedAt: new Date() } });
  }
}
