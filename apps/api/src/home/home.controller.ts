import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission, type HomeView } from '@jalon/contracts';
import { Can } from '../access/access.decorators.js';
import { HomeService } from './home.service.js';
import { Returns } from '../http/returns.decorator.js';

@ApiTags('home')
@Controller('home')
export class HomeController {
  constructor(private readonly home: HomeService) {}

  /** Tutors and employer contacts: their alternants with last entry, coverage and next deadline. Candidates: their pathway. */
  @Can(Permission.HomeRead)
  @Get()
  @Returns('HomeView')
  view(): Promise<HomeView> {
    return this.home.view();
  }
}
