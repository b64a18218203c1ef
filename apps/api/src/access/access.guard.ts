import { Injectable, Logger, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ErrorCode, hasPermission } from '@jalon/contracts';
import { RequestContext, type Principal } from '@jalon/server/context';
import { AppError, forbidden, unauthenticated } from '@jalon/server/errors';
import { ACCESS_METADATA, type RouteAccess } from './access.decorators.js';

/**
 * The one global guard. Deny by default: a route must declare `@Public()` or
 * `@Can(permission)`. For the latter it verifies the access token, checks the
 * role's permission and puts the principal (and so the tenant) in the request
 * context. Record-level visibility is the services' job (404, not 403).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly context: RequestContext,
  ) {
    super();
  }

  override async canActivate(execution: ExecutionContext): Promise<boolean> {
    const request = execution.switchToHttp().getRequest<{ id: string; user?: Principal }>();
    this.context.setRequestId(request.id);
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [execution.getHandler(), execution.getClass()]);
    if (!access) {
      this.logger.error({ handler: `${execution.getClass().name}.${execution.getHandler().name}` }, 'route declares neither @Public() nor @Can()');
      throw forbidden();
    }
    if (access.public) return true;

    await super.canActivate(execution);
    const principal = request.user!;
    if (!hasPermission(principal.role, access.permission)) throw forbidden();
    this.context.setPrincipal(principal);
    return true;
  }

  override handleRequest<T>(error: unknown, user: T, info: unknown): T {
    if (error || !user) {
      if ((info as Error | undefined)?.name === 'TokenExpiredError') {
        throw new AppError(401, ErrorCode.AuthTokenExpired, 'Votre session a expiré. Veuillez vous reconnecter.');
      }
      throw unauthenticated();
    }
    return user;
  }
}
