import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { ACCEPTED_DOCUMENT_TYPES, detectDocumentType } from '@jalon/domain';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS_BY_ROLE, ErrorCode, type DocumentKind, type DocumentView } from '@jalon/contracts';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';
import { RequestContext } from '@jalon/server/context';
import { Database, type Document } from '@jalon/server/database';
import { AppError, notFound } from '@jalon/server/errors';
import { AuditTrail } from '../audit/audit-trail.js';
import { PathwayAccess } from '../pathways/pathway-access.js';
import { PathwayRepository } from '../pathways/pathway.repository.js';
import { DocumentRepository } from './document.repository.js';
import { DocumentStorage, FileTooLargeError } from './document-storage.js';

const accepted = Object.values(ACCEPTED_DOCUMENT_TYPES)
  .map((t) => t.extension.toUpperCase())
  .join(', ');

@Injectable()
export class DocumentsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly context: RequestContext,
    private readonly access: PathwayAccess,
    private readonly pathways: PathwayRepository,
    private readonly documents: DocumentRepository,
    private readonly storage: DocumentStorage,
    private readonly audit: AuditTrail,
  ) {}

  async upload(pathwayId: string, kind: DocumentKind, fileName: string, content: Readable): Promise<DocumentView> {
    await this.access.assertVisible(pathwayId);
    const allowed = DOCUMENT_KINDS_BY_ROLE[this.context.principal!.role];
    if (!allowed || (allowed !== 'all' && !allowed.includes(kind))) {
      throw new AppError(403, ErrorCode.DocumentKindNotAllowed, `Votre rôle ne permet pas de déposer un document « ${DOCUMENT_KIND_LABELS[kind]} ».`);
    }
    const tenantId = this.context.tenantId;
    const stored = await this.storage.store(tenantId, content).catch((error: unknown) => {
      if (error instanceof FileTooLargeError) {
        throw new AppError(413, ErrorCode.DocumentTooLarge, `Le fichier dépasse la taille maximale de ${Math.round(this.config.documents.maxBytes / 1024 / 1024)} Mo.`);
      }
      throw error;
    });
    const type = detectDocumentType(stored.head);
    if (!type) {
      await this.storage.remove(stored.storageKey);
      throw new AppError(415, ErrorCode.DocumentTypeNotAccepted, `Ce fichier n’est pas d’un format accepté (${accepted}), quel que soit son nom.`);
    }
    // The row commits with the request; if it does not, the file goes too.
    this.db.afterRollback(() => this.storage.remove(stored.storageKey));
    const document = await this.documents.create(tenantId, {
      pathwayId,
      kind,
      fileName: cleanFileName(fileName, type.extension),
      mimeType: type.mimeType,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      storageKey: stored.storageKey,
      uploadedById: this.context.principal!.userId,
    });
    await this.audit.record({ action: 'document.upload', entity: 'Document', entityId: document.id, after: { pathwayId, kind, sha256: stored.sha256, sizeBytes: stored.sizeBytes } });
    return toView(document);
  }

  async list(pathwayId: string): Promise<DocumentView[]> {
    await this.access.assertVisible(pathwayId);
    return (await this.documents.list(this.context.tenantId, pathwayId)).map(toView);
  }

  async open(pathwayId: string, id: string): Promise<{ document: DocumentView; content: Readable }> {
    const document = await this.find(pathwayId, id);
    return { document: toView(document), content: this.storage.read(document.storageKey) };
  }

  /** Soft delete: staff, or the person who uploaded it. The file stays for the audit trail. */
  async delete(pathwayId: string, id: string): Promise<void> {
    const document = await this.find(pathwayId, id);
    if (!this.access.isStaff && document.uploadedById !== this.context.principal!.userId) throw notFound('Ce document');
    await this.documents.softDelete(this.context.tenantId, id);
    await this.audit.record({ action: 'document.delete', entity: 'Document', entityId: id });
  }

  private async find(pathwayId: string, id: string): Promise<Document> {
    await this.access.assertVisible(pathwayId);
    const document = await this.documents.find(this.context.tenantId, pathwayId, id);
    if (!document) throw notFound('Ce document');
    return document;
  }

}

/** Keeps the name the user knows, without path parts or control characters, with the extension of what the file really is. */
function cleanFileName(name: string, extension: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200) || 'document';
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base.replace(/\.[^.]*$/, '')}.${extension}`;
}

function toView(d: Document): DocumentView {
  return { id: d.id, kind: d.kind as DocumentKind, fileName: d.fileName, mimeType: d.mimeType, sizeBytes: d.sizeBytes, sha256: d.sha256, uploadedById: d.uploadedById, createdAt: d.createdAt.toISOString() };
}
