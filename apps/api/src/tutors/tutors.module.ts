import { Module } from '@nestjs/common';
import { TutorRepository } from './tutor.repository.js';
import { TutorsController } from './tutors.controller.js';
import { TutorsService } from './tutors.service.js';

@Module({ controllers: [TutorsController], providers: [TutorsService, TutorRepository] })
export class TutorsModule {}
