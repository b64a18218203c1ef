import { Module } from '@nestjs/common';
import { AfestModule } from '../afest/afest.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CertificationsModule } from '../certifications/certifications.module.js';
import { PathwaysModule } from '../pathways/pathways.module.js';
import { ProgressModule } from '../progress/progress.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { LivretController } from './livret.controller.js';
import { LivretService } from './livret.service.js';

@Module({ imports: [AfestModule, AuthModule, CertificationsModule, PathwaysModule, ProgressModule, TenantsModule], controllers: [LivretController], providers: [LivretService] })
export class LivretModule {}
