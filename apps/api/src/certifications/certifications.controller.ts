import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateCertificationRequest,
  ListCertificationsQuery,
  Permission,
  UpdateCertificationRequest,
  type CertificationView,
  type CreateCertificationInput,
  type ListCertificationsInput,
  type Page,
  type UpdateCertificationInput,
} from '@jalon/contracts';
import { Can } from '../access/access.decorators.js';
import { ID_PARAM } from '../http/ids.js';
import { CertificationsService } from './certifications.service.js';
import { Returns } from '../http/returns.decorator.js';

@ApiTags('certifications')
@Controller('certifications')
export class CertificationsController {
  constructor(private readonly certifications: CertificationsService) {}

  @Can(Permission.CertificationsManage)
  @Post()
  @Returns('CertificationView')
  create(@Body({ schema: CreateCertificationRequest }) body: CreateCertificationInput): Promise<CertificationView> {
    return this.certifications.create(body);
  }

  @Can(Permission.CertificationsRead)
  @Get()
  @Returns('Page<CertificationView>')
  list(@Query({ schema: ListCertificationsQuery }) query: ListCertificationsInput): Promise<Page<CertificationView>> {
    return this.certifications.list(query);
  }

  @Can(Permission.CertificationsRead)
  @Get(':id')
  @Returns('CertificationView')
  get(@Param('id', ID_PARAM) id: string): Promise<CertificationView> {
    return this.certifications.get(id);
  }

  @Can(Permission.CertificationsManage)
  @Patch(':id')
  @Returns('CertificationView')
  update(@Param('id', ID_PARAM) id: string, @Body({ schema: UpdateCertificationRequest }) body: UpdateCertificationInput): Promise<CertificationView> {
    return this.certifications.update(id, body);
  }

  @Can(Permission.CertificationsManage)
  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id', ID_PARAM) id: string): Promise<void> {
    await this.certifications.delete(id);
  }
}
