import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateAfestCycleRequest,
  CreateTrainingModuleRequest,
  Permission,
  RecordAfestStepRequest,
  UpdateTrainingModuleRequest,
  type AfestCycleView,
  type CreateAfestCycleInput,
  type CreateTrainingModuleInput,
  type RecordAfestStepInput,
  type TrainingModuleView,
  type UpdateTrainingModuleInput,
} from '@jalon/contracts';
import { Can } from '../access/access.decorators.js';
import { ID_PARAM } from '../http/ids.js';
import { AfestService } from './afest.service.js';
import { Returns } from '../http/returns.decorator.js';

@ApiTags('afest')
@Controller('pathways/:id')
export class AfestController {
  constructor(private readonly afest: AfestService) {}

  /** Opens a cycle with its activity analysis. */
  @Can(Permission.ProgressWrite)
  @Post('afest-cycles')
  @Returns('AfestCycleView')
  createCycle(@Param('id', ID_PARAM) pathwayId: string, @Body({ schema: CreateAfestCycleRequest }) body: CreateAfestCycleInput): Promise<AfestCycleView> {
    return this.afest.createCycle(pathwayId, body);
  }

  @Can(Permission.PathwaysRead)
  @Get('afest-cycles')
  @Returns('AfestCycleView[]')
  listCycles(@Param('id', ID_PARAM) pathwayId: string): Promise<AfestCycleView[]> {
    return this.afest.listCycles(pathwayId);
  }

  /** The next step: mise en situation, séquence réflexive, then evaluation (with the competencies assessed). */
  @Can(Permission.ProgressWrite)
  @Post('afest-cycles/:cycleId/steps')
  @Returns('AfestCycleView')
  recordStep(@Param('id', ID_PARAM) pathwayId: string, @Param('cycleId', ID_PARAM) cycleId: string, @Body({ schema: RecordAfestStepRequest }) body: RecordAfestStepInput): Promise<AfestCycleView> {
    return this.afest.recordStep(pathwayId, cycleId, body);
  }

  @Can(Permission.PathwaysManage)
  @Post('training-modules')
  @Returns('TrainingModuleView')
  createModule(@Param('id', ID_PARAM) pathwayId: string, @Body({ schema: CreateTrainingModuleRequest }) body: CreateTrainingModuleInput): Promise<TrainingModuleView> {
    return this.afest.createModule(pathwayId, body);
  }

  @Can(Permission.PathwaysRead)
  @Get('training-modules')
  @Returns('TrainingModuleView[]')
  listModules(@Param('id', ID_PARAM) pathwayId: string): Promise<TrainingModuleView[]> {
    return this.afest.listModules(pathwayId);
  }

  @Can(Permission.PathwaysManage)
  @Patch('training-modules/:moduleId')
  @Returns('TrainingModuleView')
  updateModule(
    @Param('id', ID_PARAM) pathwayId: string,
    @Param('moduleId', ID_PARAM) moduleId: string,
    @Body({ schema: UpdateTrainingModuleRequest }) body: UpdateTrainingModuleInput,
  ): Promise<TrainingModuleView> {
    return this.afest.updateModule(pathwayId, moduleId, body);
  }
}
