import { createServer, type Server } from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';
import { Database } from '@jalon/server/database';
import { RedisClient } from '@jalon/server/redis';

/** Optional health port (WORKER_HEALTH_PORT) for orchestrators: /health/live and /health/ready. */
@Injectable()
export class WorkerHealth implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealth.name);
  private server?: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly redis: RedisClient,
  ) {}

  onApplicationBootstrap(): void {
    const port = this.config.worker.healthPort;
    if (port === undefined) return;
    this.server = createServer((req, res) => {
      const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.url === '/health/live') return send(200, { status: 'up' });
      if (req.url === '/health/ready') {
        Promise.all([this.db.ping(), this.redis.ping()]).then(
          () => send(200, { status: 'up' }),
          () => send(503, { status: 'down' }),
        );
        return;
      }
      send(404, { status: 'not found' });
    });
    this.server.listen(port, this.config.http.host, () => this.logger.log({ port }, 'worker health listening'));
  }

  onApplicationShutdown(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
