import { Module } from '@nestjs/common';
import { DeadlineRepository } from './deadline.repository.js';

@Module({ providers: [DeadlineRepository], exports: [DeadlineRepository] })
export class DeadlinesModule {}
