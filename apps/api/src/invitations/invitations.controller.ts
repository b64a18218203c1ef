import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AcceptInvitationRequest,
  CreateInvitationRequest,
  ListInvitationsQuery,
  Permission,
  type AcceptInvitationInput,
  type CreateInvitationInput,
  type InvitationView,
  type ListInvitationsInput,
  type Page,
  type SessionResponse,
} from '@jalon/contracts';
import { Can, Public } from '../access/access.decorators.js';
import { SessionCookie } from '../auth/session-cookie.js';
import { Returns } from '../http/returns.decorator.js';
import { InvitationsService } from './invitations.service.js';

const Id = z.uuid({ error: 'Identifiant invalide' });

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Can(Permission.InvitationsManage)
  @Post()
  @Returns('InvitationView')
  create(@Body({ schema: CreateInvitationRequest }) body: CreateInvitationInput): Promise<InvitationView> {
    return this.invitations.invite(body);
  }

  @Can(Permission.InvitationsManage)
  @Get()
  @Returns('Page<InvitationView>')
  list(@Query({ schema: ListInvitationsQuery }) query: ListInvitationsInput): Promise<Page<InvitationView>> {
    return this.invitations.list(query);
  }

  @Can(Permission.InvitationsManage)
  @Delete(':id')
  @HttpCode(204)
  async revoke(@Param('id', { schema: Id }) id: string): Promise<void> {
    await this.invitations.revoke(id);
  }
}

@ApiTags('auth')
@Controller('auth')
export class InvitationAcceptanceController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly cookie: SessionCookie,
  ) {}

  @Public()
  @Post('accept-invitation')
  @Returns('SessionResponse')
  @HttpCode(200)
  async accept(@Body({ schema: AcceptInvitationRequest }) body: AcceptInvitationInput, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionResponse> {
    return this.cookie.deliver(request, reply, await this.invitations.accept(body));
  }
}
