import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateContractRequest,
  CreatePathwayRequest,
  CreatePlacementRequest,
  ListPathwaysQuery,
  Permission,
  TransitionRequest,
  UpdateContractRequest,
  UpdatePathwayRequest,
  UpdatePlacementRequest,
  type ContractView,
  type CreateContractInput,
  type CreatePathwayInput,
  type CreatePlacementInput,
  type ListPathwaysInput,
  type Page,
  type PathwaySummary,
  type PathwayView,
  type StatusHistoryView,
  type TransitionInput,
  type TransitionResponse,
  type UpdateContractInput,
  type UpdatePathwayInput,
  type UpdatePlacementInput,
} from '@jalon/contracts';
import { Can } from '../access/access.decorators.js';
import { ID_PARAM } from '../http/ids.js';
import { PathwaysService } from './pathways.service.js';
import { Returns } from '../http/returns.decorator.js';
import type { JsonText } from '../http/json-text.js';
import { OwnTransactions } from '../http/unit-of-work.interceptor.js';

@ApiTags('pathways')
@Controller('pathways')
export class PathwaysController {
  constructor(private readonly pathways: PathwaysService) {}

  @Can(Permission.PathwaysManage)
  @Post()
  @Returns('PathwayView')
  create(@Body({ schema: CreatePathwayRequest }) body: CreatePathwayInput): Promise<PathwayView> {
    return this.pathways.create(body);
  }

  /** Tutors, employer contacts and candidates get only the pathways they may see. Read in a plain transaction, written as JSON by its statement (PathwayRepository.list). */
  @Can(Permission.PathwaysRead)
  @OwnTransactions()
  @Get()
  @Returns('Page<PathwaySummary>')
  list(@Query({ schema: ListPathwaysQuery }) query: ListPathwaysInput): Promise<JsonText<Page<PathwaySummary>>> {
    return this.pathways.list(query);
  }

  /** The pathway page, one of the most read: one statement in a plain transaction (PathwayRepository.findDetail). */
  @Can(Permission.PathwaysRead)
  @OwnTransactions()
  @Get(':id')
  @Returns('PathwayView')
  get(@Param('id', ID_PARAM) id: string): Promise<PathwayView> {
    return this.pathways.get(id);
  }

  @Can(Permission.PathwaysManage)
  @Patch(':id')
  @Returns('PathwayView')
  update(@Param('id', ID_PARAM) id: string, @Body({ schema: UpdatePathwayRequest }) body: UpdatePathwayInput): Promise<PathwayView> {
    return this.pathways.update(id, body);
  }

  @Can(Permission.PathwaysTransition)
  @Post(':id/transitions')
  @Returns('TransitionResponse')
  @HttpCode(200)
  transition(@Param('id', ID_PARAM) id: string, @Body({ schema: TransitionRequest }) body: TransitionInput): Promise<TransitionResponse> {
    return this.pathways.transition(id, body);
  }

  @Can(Permission.PathwaysRead)
  @Get(':id/history')
  @Returns('StatusHistoryView[]')
  history(@Param('id', ID_PARAM) id: string): Promise<StatusHistoryView[]> {
    return this.pathways.history(id);
  }

  @Can(Permission.PathwaysManage)
  @Post(':id/contracts')
  @Returns('ContractView')
  addContract(@Param('id', ID_PARAM) id: string, @Body({ schema: CreateContractRequest }) body: CreateContractInput): Promise<ContractView> {
    return this.pathways.addContract(id, body);
  }

  @Can(Permission.PathwaysManage)
  @Patch(':id/contracts/:contractId')
  @Returns('ContractView')
  updateContract(
    @Param('id', ID_PARAM) id: string,
    @Param('contractId', ID_PARAM) contractId: string,
    @Body({ schema: UpdateContractRequest }) body: UpdateContractInput,
  ): Promise<ContractView> {
    return this.pathways.updateContract(id, contractId, body);
  }

  @Can(Permission.PathwaysManage)
  @Post(':id/placements')
  @Returns('PathwayView')
  addPlacement(@Param('id', ID_PARAM) id: string, @Body({ schema: CreatePlacementRequest }) body: CreatePlacementInput): Promise<PathwayView> {
    return this.pathways.addPlacement(id, body);
  }

  @Can(Permission.PathwaysManage)
  @Patch(':id/placements/:placementId')
  @Returns('PathwayView')
  endPlacement(
    @Param('id', ID_PARAM) id: string,
    @Param('placementId', ID_PARAM) placementId: string,
    @Body({ schema: UpdatePlacementRequest }) body: UpdatePlacementInput,
  ): Promise<PathwayView> {
    return this.pathways.endPlacement(id, placementId, body);
  }
}
