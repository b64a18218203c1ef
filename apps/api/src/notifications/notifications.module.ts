import { Module } from '@nestjs/common';
import { NotificationRepository } from './notification.repository.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

@Module({ controllers: [NotificationsController], providers: [NotificationsService, NotificationRepository] })
export class NotificationsModule {}
