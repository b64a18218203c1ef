import { Module } from '@nestjs/common';
import { EmployerRepository } from './employer.repository.js';
import { EmployersController } from './employers.controller.js';
import { EmployersService } from './employers.service.js';

@Module({ controllers: [EmployersController], providers: [EmployersService, EmployerRepository], exports: [EmployerRepository] })
export class EmployersModule {}
