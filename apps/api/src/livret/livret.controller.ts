import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Permission } from '@jalon/contracts';
import { Can } from '../access/access.decorators.js';
import { ID_PARAM } from '../http/ids.js';
import { LivretService } from './livret.service.js';

@ApiTags('livret')
@Controller('pathways/:id')
export class LivretController {
  constructor(private readonly livret: LivretService) {}

  /** The livret de suivi: candidate, certification, contract, tutors, competencies, AFEST, training, observations, history, signatures. */
  @Can(Permission.PathwaysRead)
  @Get('livret.pdf')
  @ApiProduces('application/pdf')
  async download(@Param('id', ID_PARAM) pathwayId: string, @Res() reply: FastifyReply): Promise<void> {
    const { fileName, pdf } = await this.livret.render(pathwayId);
    const ascii = fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(pdf);
  }
}
