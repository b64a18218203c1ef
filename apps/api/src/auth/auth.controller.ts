import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  LoginRequest,
  Permission,
  RefreshRequest,
  SwitchTenantRequest,
  type LoginInput,
  type MeResponse,
  type RefreshInput,
  type SwitchTenantInput,
  type TokenResponse,
} from '@jalon/contracts';
import { Can, Public } from '../access/access.decorators.js';
import { AuthService } from './auth.service.js';
import { LocalAuthGuard } from './local.strategy.js';
import type { SessionSubject } from './session-issuer.js';
import { Returns } from '../http/returns.decorator.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @Returns('TokenResponse')
  @HttpCode(200)
  login(@Body({ schema: LoginRequest }) _credentials: LoginInput, @Req() request: FastifyRequest & { user: SessionSubject }): Promise<TokenResponse> {
    return this.auth.openSession(request.user);
  }

  @Public()
  @Post('refresh')
  @Returns('TokenResponse')
  @HttpCode(200)
  refresh(@Body({ schema: RefreshRequest }) body: RefreshInput): Promise<TokenResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Body({ schema: RefreshRequest }) body: RefreshInput): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Can(Permission.SessionRead)
  @Get('me')
  @Returns('MeResponse')
  me(): Promise<MeResponse> {
    return this.auth.me();
  }

  @Can(Permission.SessionRead)
  @Post('switch-tenant')
  @Returns('TokenResponse')
  @HttpCode(200)
  switchTenant(@Body({ schema: SwitchTenantRequest }) body: SwitchTenantInput): Promise<TokenResponse> {
    return this.auth.switchTenant(body.tenantSlug);
  }
}
