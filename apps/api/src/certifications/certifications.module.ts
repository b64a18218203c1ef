import { Module } from '@nestjs/common';
import { CertificationRepository } from './certification.repository.js';
import { CertificationsController } from './certifications.controller.js';
import { CertificationsService } from './certifications.service.js';

@Module({ controllers: [CertificationsController], providers: [CertificationsService, CertificationRepository], exports: [CertificationRepository] })
export class CertificationsModule {}
