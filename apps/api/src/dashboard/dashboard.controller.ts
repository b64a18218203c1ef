import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DashboardQuery, Permission, type DashboardQueryInput, type DashboardView } from '@jalon/contracts';
import { Can } from '../access/access.decorators.js';
import { DashboardService } from './dashboard.service.js';
import type { JsonText } from '../http/json-text.js';
import { Returns } from '../http/returns.decorator.js';
import { OwnTransactions } from '../http/unit-of-work.interceptor.js';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** The coordinator's page in one answer; filter by cohort and referent coordinator. From the cache, without a transaction. */
  @Can(Permission.DashboardRead)
  @OwnTransactions()
  @Get()
  @Returns('DashboardView')
  view(@Query({ schema: DashboardQuery }) query: DashboardQueryInput): Promise<JsonText<DashboardView>> {
    return this.dashboard.view(query);
  }
}
