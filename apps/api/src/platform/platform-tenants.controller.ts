import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CreateTenantRequest, Permission, type CreateTenantInput, type Page, type TenantView } from '@jalon/contracts';
import { Can } from '../access/access.decorators.js';
import { PlatformTenantsService } from './platform-tenants.service.js';
import { Returns } from '../http/returns.decorator.js';

const ListTenantsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

@ApiTags('platform')
@Controller('platform/tenants')
export class PlatformTenantsController {
  constructor(private readonly tenants: PlatformTenantsService) {}

  @Can(Permission.PlatformTenantsManage)
  @Post()
  @Returns('TenantView')
  create(@Body({ schema: CreateTenantRequest }) body: CreateTenantInput): Promise<TenantView> {
    return this.tenants.create(body);
  }

  @Can(Permission.PlatformTenantsManage)
  @Get()
  @Returns('Page<TenantView>')
  list(@Query({ schema: ListTenantsQuery }) query: z.infer<typeof ListTenantsQuery>): Promise<Page<TenantView>> {
    return this.tenants.list(query.page, query.pageSize);
  }
}
