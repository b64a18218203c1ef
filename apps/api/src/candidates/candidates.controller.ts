import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateCandidateRequest,
  ListCandidatesQuery,
  Permission,
  UpdateCandidateRequest,
  type CandidateView,
  type CreateCandidateInput,
  type ListCandidatesInput,
  type Page,
  type UpdateCandidateInput,
} from '@jalon/contracts';
import { Can } from '../access/access.decorators.js';
import { ID_PARAM } from '../http/ids.js';
import { CandidatesService } from './candidates.service.js';
import { Returns } from '../http/returns.decorator.js';

@ApiTags('candidates')
@Controller('candidates')
export class CandidatesController {
  constructor(private readonly candidates: CandidatesService) {}

  @Can(Permission.CandidatesManage)
  @Post()
  @Returns('CandidateView')
  create(@Body({ schema: CreateCandidateRequest }) body: CreateCandidateInput): Promise<CandidateView> {
    return this.candidates.create(body);
  }

  @Can(Permission.CandidatesRead)
  @Get()
  @Returns('Page<CandidateView>')
  list(@Query({ schema: ListCandidatesQuery }) query: ListCandidatesInput): Promise<Page<CandidateView>> {
    return this.candidates.list(query);
  }

  @Can(Permission.CandidatesRead)
  @Get(':id')
  @Returns('CandidateView')
  get(@Param('id', ID_PARAM) id: string): Promise<CandidateView> {
    return this.candidates.get(id);
  }

  @Can(Permission.CandidatesManage)
  @Patch(':id')
  @Returns('CandidateView')
  update(@Param('id', ID_PARAM) id: string, @Body({ schema: UpdateCandidateRequest }) body: UpdateCandidateInput): Promise<CandidateView> {
    return this.candidates.update(id, body);
  }

  @Can(Permission.CandidatesManage)
  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id', ID_PARAM) id: string): Promise<void> {
    await this.candidates.delete(id);
  }
}
