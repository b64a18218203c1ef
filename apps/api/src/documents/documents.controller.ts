import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type {} from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Permission, UploadDocumentFields, type DocumentView } from '@jalon/contracts';
import { validationFailed } from '@jalon/server/errors';
import { Can } from '../access/access.decorators.js';
import { ID_PARAM } from '../http/ids.js';
import { DocumentsService } from './documents.service.js';
import { Returns } from '../http/returns.decorator.js';

@ApiTags('documents')
@Controller('pathways/:id/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /** multipart/form-data: a `kind` field, then one `file` (20 MB at most; PDF, PNG, JPEG, DOCX or ODT, recognised by content). */
  @Can(Permission.DocumentsUpload)
  @Post()
  @Returns('DocumentView')
  @ApiConsumes('multipart/form-data')
  async upload(@Param('id', ID_PARAM) pathwayId: string, @Req() request: FastifyRequest): Promise<DocumentView> {
    if (!request.isMultipart()) throw validationFailed([{ path: 'file', message: 'Envoyez le fichier en multipart/form-data (champs « kind » puis « file »).' }]);
    const file = await request.file();
    if (!file) throw validationFailed([{ path: 'file', message: 'Aucun fichier reçu.' }]);
    const kind = (file.fields['kind'] as { value?: unknown } | undefined)?.value;
    const parsed = UploadDocumentFields.safeParse({ kind });
    if (!parsed.success) {
      file.file.resume();
      throw validationFailed([{ path: 'kind', message: 'Type de document manquant ou inconnu (le champ « kind » doit précéder le fichier).' }]);
    }
    return this.documents.upload(pathwayId, parsed.data.kind, file.filename, file.file);
  }

  @Can(Permission.PathwaysRead)
  @Get()
  @Returns('DocumentView[]')
  list(@Param('id', ID_PARAM) pathwayId: string): Promise<DocumentView[]> {
    return this.documents.list(pathwayId);
  }

  /** The file itself, under its original name. */
  @Can(Permission.PathwaysRead)
  @Get(':documentId/content')
  async download(@Param('id', ID_PARAM) pathwayId: string, @Param('documentId', ID_PARAM) documentId: string, @Res() reply: FastifyReply): Promise<void> {
    const { document, content } = await this.documents.open(pathwayId, documentId);
    const ascii = document.fileName.replace(/[^\x20-\x7e]/g, '_');
    await reply
      .header('content-type', document.mimeType)
      .header('content-length', String(document.sizeBytes))
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(content);
  }

  @Can(Permission.DocumentsUpload)
  @Delete(':documentId')
  @HttpCode(204)
  async delete(@Param('id', ID_PARAM) pathwayId: string, @Param('documentId', ID_PARAM) documentId: string): Promise<void> {
    await this.documents.delete(pathwayId, documentId);
  }
}
