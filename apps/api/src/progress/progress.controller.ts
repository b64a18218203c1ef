import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateProgressEntryRequest,
  CursorQuery,
  Permission,
  UpdateProgressEntryRequest,
  type CoverageView,
  type CreateProgressEntryInput,
  type CursorPage,
  type CursorQueryInput,
  type ProgressEntryView,
  type UpdateProgressEntryInput,
} from '@jalon/contracts';
import { Can } from '../access/access.decorators.js';
import { ID_PARAM } from '../http/ids.js';
import { ProgressService } from './progress.service.js';
import { Returns } from '../http/returns.decorator.js';

@ApiTags('progress')
@Controller('pathways/:id')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Can(Permission.ProgressWrite)
  @Post('progress-entries')
  @Returns('ProgressEntryView')
  create(@Param('id', ID_PARAM) pathwayId: string, @Body({ schema: CreateProgressEntryRequest }) body: CreateProgressEntryInput): Promise<ProgressEntryView> {
    return this.progress.create(pathwayId, body);
  }

  @Can(Permission.PathwaysRead)
  @Get('progress-entries')
  @Returns('CursorPage<ProgressEntryView>')
  list(@Param('id', ID_PARAM) pathwayId: string, @Query({ schema: CursorQuery }) query: CursorQueryInput): Promise<CursorPage<ProgressEntryView>> {
    return this.progress.list(pathwayId, query);
  }

  @Can(Permission.ProgressWrite)
  @Patch('progress-entries/:entryId')
  @Returns('ProgressEntryView')
  update(
    @Param('id', ID_PARAM) pathwayId: string,
    @Param('entryId', ID_PARAM) entryId: string,
    @Body({ schema: UpdateProgressEntryRequest }) body: UpdateProgressEntryInput,
  ): Promise<ProgressEntryView> {
    return this.progress.update(pathwayId, entryId, body);
  }

  /** Per bloc, the share of competencies whose latest level is ACQUIRED, and the date of the last entry. */
  @Can(Permission.PathwaysRead)
  @Get('coverage')
  @Returns('CoverageView')
  coverage(@Param('id', ID_PARAM) pathwayId: string): Promise<CoverageView> {
    return this.progress.coverage(pathwayId);
  }
}
