import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { UsersModule } from '../users/users.module.js';
import { InvitationAcceptanceController, InvitationsController } from './invitations.controller.js';
import { InvitationRepository } from './invitation.repository.js';
import { InvitationsService } from './invitations.service.js';

@Module({
  imports: [AuthModule, TenantsModule, UsersModule],
  controllers: [InvitationsController, InvitationAcceptanceController],
  providers: [InvitationsService, InvitationRepository],
  exports: [InvitationsService],
})
export class InvitationsModule {}
