import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ChangeMemberRoleRequest, ListMembersQuery, Permission, type ChangeMemberRoleInput, type ListMembersInput, type MemberView, type Page } from '@jalon/contracts';
import { Can } from '../access/access.decorators.js';
import { ID_PARAM } from '../http/ids.js';
import { Returns } from '../http/returns.decorator.js';
import { UsersService } from './users.service.js';

/**
 * The people of the GEIQ: one row per membership, `:id` being the user's id.
 *
 * Who sees whom:
 * - TENANT_ADMIN (users:manage) lists every member, active or not, with their
 *   e-mail, links and last sign-in, and changes roles and access.
 * - COORDINATOR (users:read) lists only the active staff (administrators and
 *   coordinators), without last sign-in: enough to pick a referent
 *   coordinator, nothing about tutors, employer contacts or alternants. A role
 *   or status filter outside that answers an empty page.
 * - Other roles lack users:read (403), like every staff list.
 *
 * A user who is not a member of the caller's GEIQ answers 404. No change may
 * leave the GEIQ without an active administrator (409 LAST_TENANT_ADMIN).
 */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Can(Permission.UsersRead)
  @Get()
  @Returns('Page<MemberView>')
  list(@Query({ schema: ListMembersQuery }) query: ListMembersInput): Promise<Page<MemberView>> {
    return this.users.list(query);
  }

  /** Changes the member's role, with the company or candidate record the role needs. */
  @Can(Permission.UsersManage)
  @Patch(':id')
  @Returns('MemberView')
  changeRole(@Param('id', ID_PARAM) id: string, @Body({ schema: ChangeMemberRoleRequest }) body: ChangeMemberRoleInput): Promise<MemberView> {
    return this.users.changeRole(id, body);
  }

  /** Signs the member out of this GEIQ (refresh tokens revoked) and refuses their sign-in here until reactivated. */
  @Can(Permission.UsersManage)
  @Post(':id/deactivate')
  @Returns('MemberView')
  @HttpCode(200)
  deactivate(@Param('id', ID_PARAM) id: string): Promise<MemberView> {
    return this.users.deactivate(id);
  }

  @Can(Permission.UsersManage)
  @Post(':id/reactivate')
  @Returns('MemberView')
  @HttpCode(200)
  reactivate(@Param('id', ID_PARAM) id: string): Promise<MemberView> {
    return this.users.reactivate(id);
  }
}
