import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  LoginRequest,
  Permission,
  RefreshRequest,
  SwitchTenantRequest,
  type LoginInput,
  type MeResponse,
  type PasswordRules,
  type RefreshInput,
  type SessionResponse,
  type SwitchTenantInput,
} from '@jalon/contracts';
import { Can, Public } from '../access/access.decorators.js';
import { AuthService, refreshMissing } from './auth.service.js';
import { LocalAuthGuard } from './local.strategy.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionCookie } from './session-cookie.js';
import type { SessionSubject } from './session-issuer.js';
import { Returns } from '../http/returns.decorator.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: SessionCookie,
    private readonly hasher: PasswordHasher,
  ) {}

  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @Returns('SessionResponse')
  @HttpCode(200)
  async login(
    @Body({ schema: LoginRequest }) _credentials: LoginInput,
    @Req() request: FastifyRequest & { user: SessionSubject },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    return this.cookie.deliver(request, reply, await this.auth.openSession(request.user));
  }

  /** Rotates the refresh token of the body, or in cookie mode of the cookie. */
  @Public()
  @Post('refresh')
  @Returns('SessionResponse')
  @HttpCode(200)
  async refresh(@Body({ schema: RefreshRequest }) body: RefreshInput, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionResponse> {
    const token = this.cookie.presentedToken(request, body.refreshToken);
    if (!token) throw refreshMissing();
    return this.cookie.deliver(request, reply, await this.auth.refresh(token));
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Body({ schema: RefreshRequest }) body: RefreshInput, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = this.cookie.presentedToken(request, body.refreshToken);
    if (token) await this.auth.logout(token);
    this.cookie.clear(request, reply);
  }

  /** Public: the invitation page explains the rules before a password is chosen. */
  @Public()
  @Get('password-rules')
  @Returns('PasswordRules')
  passwordRules(): PasswordRules {
    return this.hasher.rules;
  }

  @Can(Permission.SessionRead)
  @Get('me')
  @Returns('MeResponse')
  me(): Promise<MeResponse> {
    return this.auth.me();
  }

  @Can(Permission.SessionRead)
  @Post('switch-tenant')
  @Returns('SessionResponse')
  @HttpCode(200)
  async switchTenant(@Body({ schema: SwitchTenantRequest }) body: SwitchTenantInput, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionResponse> {
    return this.cookie.deliver(request, reply, await this.auth.switchTenant(body.tenantSlug));
  }
}
