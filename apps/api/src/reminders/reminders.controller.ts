import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission, ReminderSettingsRequest, type ReminderSettings, type ReminderSettingsInput, type ReminderView } from '@jalon/contracts';
import { Can } from '../access/access.decorators.js';
import { ID_PARAM } from '../http/ids.js';
import { RemindersService } from './reminders.service.js';
import { Returns } from '../http/returns.decorator.js';

@ApiTags('reminders')
@Controller()
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  /** Planned, sent, cancelled and failed reminders of a pathway, soonest first. */
  @Can(Permission.RemindersRead)
  @Get('pathways/:id/reminders')
  @Returns('ReminderView[]')
  list(@Param('id', ID_PARAM) pathwayId: string): Promise<ReminderView[]> {
    return this.reminders.list(pathwayId);
  }

  @Can(Permission.SettingsManage)
  @Get('settings/reminders')
  @Returns('ReminderSettings')
  settings(): Promise<ReminderSettings> {
    return this.reminders.settings();
  }

  /** Changes lead times or thresholds; the worker then re-plans every open pathway of the tenant. */
  @Can(Permission.SettingsManage)
  @Patch('settings/reminders')
  @Returns('ReminderSettings')
  update(@Body({ schema: ReminderSettingsRequest }) body: ReminderSettingsInput): Promise<ReminderSettings> {
    return this.reminders.updateSettings(body);
  }
}
