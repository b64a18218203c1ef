import { Module } from '@nestjs/common';
import { CandidateRepository } from './candidate.repository.js';
import { CandidatesController } from './candidates.controller.js';
import { CandidatesService } from './candidates.service.js';

@Module({ controllers: [CandidatesController], providers: [CandidatesService, CandidateRepository], exports: [CandidateRepository] })
export class CandidatesModule {}
