import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EmailPreferencesRequest, ListNotificationsQuery, Permission, type EmailPreferencesInput, type ListNotificationsInput, type NotificationsPage } from '@jalon/contracts';
import { Can } from '../access/access.decorators.js';
import { ID_PARAM } from '../http/ids.js';
import { NotificationsService } from './notifications.service.js';
import { Returns } from '../http/returns.decorator.js';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's notifications, newest first, with the unread count (the bell). */
  @Can(Permission.NotificationsRead)
  @Get()
  @Returns('NotificationsPage')
  list(@Query({ schema: ListNotificationsQuery }) query: ListNotificationsInput): Promise<NotificationsPage> {
    return this.notifications.list(query);
  }

  @Can(Permission.NotificationsRead)
  @Post('read-all')
  @Returns('{ read: number }')
  @HttpCode(200)
  readAll(): Promise<{ read: number }> {
    return this.notifications.readAll();
  }

  @Can(Permission.NotificationsRead)
  @Post(':id/read')
  @HttpCode(204)
  async read(@Param('id', ID_PARAM) id: string): Promise<void> {
    await this.notifications.read(id);
  }

  /** Per reminder kind, whether an e-mail goes with the notification (yes by default). */
  @Can(Permission.NotificationsRead)
  @Get('preferences')
  @Returns('{ kind: string; email: boolean }[]')
  preferences(): Promise<{ kind: string; email: boolean }[]> {
    return this.notifications.preferences();
  }

  @Can(Permission.NotificationsRead)
  @Put('preferences')
  @Returns('{ kind: string; email: boolean }[]')
  setPreferences(@Body({ schema: EmailPreferencesRequest }) body: EmailPreferencesInput): Promise<{ kind: string; email: boolean }[]> {
    return this.notifications.setPreferences(body);
  }
}
