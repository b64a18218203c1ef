import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Database } from '@jalon/server/database';
import { RedisClient } from '@jalon/server/redis';
import { Public } from '../access/access.decorators.js';

type Check = 'up' | 'down';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: Database,
    private readonly redis: RedisClient,
  ) {}

  /** The process answers. */
  @Public()
  @Get('live')
  @HttpCode(200)
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  /** Postgres and Redis answer: 200, else 503 naming what is down. */
  @Public()
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: Check; checks: { postgres: Check; redis: Check } }> {
    const [postgres, redis] = await Promise.all([
      probe(() => this.db.ping()),
      probe(async () => {
        if ((await this.redis.ping()) !== 'PONG') throw new Error('no PONG');
      }),
    ]);
    const status: Check = postgres === 'up' && redis === 'up' ? 'up' : 'down';
    void reply.status(status === 'up' ? 200 : 503);
    return { status, checks: { postgres, redis } };
  }
}

async function probe(check: () => Promise<void>): Promise<Check> {
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000).unref())]);
    return 'up';
  } catch {
    return 'down';
  }
}
