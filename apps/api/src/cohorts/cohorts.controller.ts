import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateCohortRequest,
  ListCohortsQuery,
  Permission,
  UpdateCohortRequest,
  type CohortView,
  type CreateCohortInput,
  type ListCohortsInput,
  type Page,
  type UpdateCohortInput,
} from '@jalon/contracts';
import { Can } from '../access/access.decorators.js';
import { ID_PARAM } from '../http/ids.js';
import { CohortsService } from './cohorts.service.js';
import { Returns } from '../http/returns.decorator.js';

@ApiTags('cohorts')
@Controller('cohorts')
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  @Can(Permission.CohortsManage)
  @Post()
  @Returns('CohortView')
  create(@Body({ schema: CreateCohortRequest }) body: CreateCohortInput): Promise<CohortView> {
    return this.cohorts.create(body);
  }

  @Can(Permission.CohortsRead)
  @Get()
  @Returns('Page<CohortView>')
  list(@Query({ schema: ListCohortsQuery }) query: ListCohortsInput): Promise<Page<CohortView>> {
    return this.cohorts.list(query);
  }

  @Can(Permission.CohortsRead)
  @Get(':id')
  @Returns('CohortView')
  get(@Param('id', ID_PARAM) id: string): Promise<CohortView> {
    return this.cohorts.get(id);
  }

  @Can(Permission.CohortsManage)
  @Patch(':id')
  @Returns('CohortView')
  update(@Param('id', ID_PARAM) id: string, @Body({ schema: UpdateCohortRequest }) body: UpdateCohortInput): Promise<CohortView> {
    return this.cohorts.update(id, body);
  }

  @Can(Permission.CohortsManage)
  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id', ID_PARAM) id: string): Promise<void> {
    await this.cohorts.delete(id);
  }
}
