import { Module } from '@nestjs/common';
import { TenantRepository } from './tenant.repository.js';

@Module({ providers: [TenantRepository], exports: [TenantRepository] })
export class TenantsModule {}
