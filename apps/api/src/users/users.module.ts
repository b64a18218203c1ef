import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CandidatesModule } from '../candidates/candidates.module.js';
import { EmployersModule } from '../employers/employers.module.js';
import { MemberLinks } from './member-links.js';
import { MemberRepository } from './member.repository.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [AccessModule, AuthModule, EmployersModule, CandidatesModule],
  controllers: [UsersController],
  providers: [UsersService, MemberRepository, MemberLinks],
  exports: [MemberLinks],
})
export class UsersModule {}
