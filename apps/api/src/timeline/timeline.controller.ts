import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateCommentRequest, CursorQuery, Permission, type CommentView, type CreateCommentInput, type CursorPage, type CursorQueryInput, type TimelineItem } from '@jalon/contracts';
import { Can } from '../access/access.decorators.js';
import { ID_PARAM } from '../http/ids.js';
import { TimelineService } from './timeline.service.js';
import { Returns } from '../http/returns.decorator.js';
import { OwnTransactions } from '../http/unit-of-work.interceptor.js';

@ApiTags('timeline')
@Controller('pathways/:id')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  /** Status changes, progress entries, AFEST steps, documents and comments, newest first. Read in a plain transaction (TimelineRepository.page). */
  @Can(Permission.PathwaysRead)
  @OwnTransactions()
  @Get('timeline')
  @Returns('CursorPage<TimelineItem>')
  page(@Param('id', ID_PARAM) pathwayId: string, @Query({ schema: CursorQuery }) query: CursorQueryInput): Promise<CursorPage<TimelineItem>> {
    return this.timeline.page(pathwayId, query);
  }

  @Can(Permission.CommentsWrite)
  @Post('comments')
  @Returns('CommentView')
  comment(@Param('id', ID_PARAM) pathwayId: string, @Body({ schema: CreateCommentRequest }) body: CreateCommentInput): Promise<CommentView> {
    return this.timeline.comment(pathwayId, body);
  }
}
