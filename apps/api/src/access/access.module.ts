import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AccessGuard } from './access.guard.js';
import { JwtStrategy } from './jwt.strategy.js';
import { MembershipRevocations } from './membership-revocations.js';

@Module({
  imports: [PassportModule],
  providers: [JwtStrategy, MembershipRevocations, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [MembershipRevocations],
})
export class AccessModule {}
