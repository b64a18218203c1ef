import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ListTutorsQuery, Permission, type ListTutorsInput, type Page, type TutorView } from '@jalon/contracts';
import { Can } from '../access/access.decorators.js';
import { Returns } from '../http/returns.decorator.js';
import { TutorsService } from './tutors.service.js';

@ApiTags('tutors')
@Controller('tutors')
export class TutorsController {
  constructor(private readonly tutors: TutorsService) {}

  /** The company tutors a coordinator may name on a placement, by name, with their company and current alternants. */
  @Can(Permission.PathwaysManage)
  @Get()
  @Returns('Page<TutorView>')
  list(@Query({ schema: ListTutorsQuery }) query: ListTutorsInput): Promise<Page<TutorView>> {
    return this.tutors.list(query);
  }
}
