import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { LoginRequest, type LoginInput } from '@jalon/contracts';
import { validationFailed } from '@jalon/server/errors';
import { AuthService } from './auth.service.js';
import type { SessionSubject } from './session-issuer.js';

/** Login with e-mail and password (passport-local); the tenant is chosen from `tenantSlug` or the first membership. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true, session: false });
  }

  validate(request: FastifyRequest, _email: string, _password: string): Promise<SessionSubject> {
    return this.auth.authenticate(request.body as LoginInput, request.ip);
  }
}

/** Validates the body before passport reads it, so a bad body is a 400 with field errors, not a 401. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(execution: ExecutionContext): Promise<boolean> {
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const parsed = LoginRequest.safeParse(request.body ?? {});
    if (!parsed.success) {
      throw validationFailed(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    }
    request.body = parsed.data;
    return (await super.canActivate(execution)) as boolean;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    return user;
  }
}
