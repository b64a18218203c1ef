import { Module } from '@nestjs/common';
import { PathwaysModule } from '../pathways/pathways.module.js';
import { DocumentRepository } from './document.repository.js';
import { DocumentStorage } from './document-storage.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';

@Module({ imports: [PathwaysModule], controllers: [DocumentsController], providers: [DocumentsService, DocumentRepository, DocumentStorage] })
export class DocumentsModule {}
