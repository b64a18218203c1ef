import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LocalAuthGuard, LocalStrategy } from './local.strategy.js';
import { LoginThrottle } from './login-throttle.js';
import { MembershipRepository } from './membership.repository.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { SessionCookie } from './session-cookie.js';
import { SessionIssuer } from './session-issuer.js';
import { UserRepository } from './user.repository.js';

@Module({
  imports: [PassportModule, JwtModule.register({})],
  controllers: [AuthController],
  providers: [AuthService, SessionCookie, LocalStrategy, LocalAuthGuard, LoginThrottle, PasswordHasher, SessionIssuer, UserRepository, MembershipRepository, RefreshTokenRepository],
  exports: [SessionCookie, PasswordHasher, SessionIssuer, UserRepository, MembershipRepository, RefreshTokenRepository],
})
export class AuthModule {}
