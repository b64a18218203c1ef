import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@jalon/server/errors';
import { problem, problemForStatus } from './problem.js';

/** Adds a Retry-After header to a problem. */
export class RetryableError extends AppError {
  constructor(base: AppError, readonly retryAfterSeconds: number) {
    super(base.status, base.code, base.detail, base.errors, base.extensions);
  }
}

/**
 * The one place errors become HTTP answers: application/problem+json with a
 * stable code and a French detail. A 500 never shows a stack, SQL or Prisma
 * text; it is logged with the request id instead.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const body = this.toProblem(error, request);
    if (error instanceof RetryableError) void reply.header('retry-after', String(error.retryAfterSeconds));
    void reply.status(body.status).header('content-type', 'application/problem+json; charset=utf-8').send(body);
  }

  toProblem(error: unknown, request?: FastifyRequest) {
    if (error instanceof AppError) return problem(error.status, error.code, error.detail, error.errors, error.extensions);
    const status = statusOf(error);
    if (status && status < 500) return problemForStatus(status);
    this.logger.error({ err: error, reqId: request?.id }, 'unhandled error');
    return problemForStatus(status ?? 500);
  }
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}
