import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { PathwaysModule } from '../pathways/pathways.module.js';
import { TimelineController } from './timeline.controller.js';
import { TimelineRepository } from './timeline.repository.js';
import { TimelineService } from './timeline.service.js';

@Module({ imports: [AuthModule, PathwaysModule], controllers: [TimelineController], providers: [TimelineService, TimelineRepository] })
export class TimelineModule {}
