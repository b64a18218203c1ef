import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateEmployerRequest,
  ListEmployersQuery,
  Permission,
  UpdateEmployerRequest,
  type CreateEmployerInput,
  type EmployerView,
  type ListEmployersInput,
  type Page,
  type UpdateEmployerInput,
} from '@jalon/contracts';
import { Can } from '../access/access.decorators.js';
import { ID_PARAM } from '../http/ids.js';
import { EmployersService } from './employers.service.js';
import { Returns } from '../http/returns.decorator.js';

@ApiTags('employers')
@Controller('employers')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @Can(Permission.EmployersManage)
  @Post()
  @Returns('EmployerView')
  create(@Body({ schema: CreateEmployerRequest }) body: CreateEmployerInput): Promise<EmployerView> {
    return this.employers.create(body);
  }

  @Can(Permission.EmployersRead)
  @Get()
  @Returns('Page<EmployerView>')
  list(@Query({ schema: ListEmployersQuery }) query: ListEmployersInput): Promise<Page<EmployerView>> {
    return this.employers.list(query);
  }

  @Can(Permission.EmployersRead)
  @Get(':id')
  @Returns('EmployerView')
  get(@Param('id', ID_PARAM) id: string): Promise<EmployerView> {
    return this.employers.get(id);
  }

  @Can(Permission.EmployersManage)
  @Patch(':id')
  @Returns('EmployerView')
  update(@Param('id', ID_PARAM) id: string, @Body({ schema: UpdateEmployerRequest }) body: UpdateEmployerInput): Promise<EmployerView> {
    return this.employers.update(id, body);
  }

  @Can(Permission.EmployersManage)
  @Delete(':id')
  @HttpCode(204)
  async archive(@Param('id', ID_PARAM) id: string): Promise<void> {
    await this.employers.archive(id);
  }
}
