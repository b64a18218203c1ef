import '@fastify/cookie';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { REFRESH_COOKIE_NAME, REFRESH_COOKIE_PATH, SESSION_MODE_COOKIE, SESSION_MODE_HEADER, type SessionResponse, type TokenResponse } from '@jalon/contracts';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';

/**
 * How a session's refresh token travels. By default in the JSON body (API
 * clients, scripts). A browser asks for cookie mode with the
 * `x-jalon-session: cookie` header: the token is then only in an httpOnly,
 * Secure, SameSite=Strict cookie whose path is the auth routes, so page
 * scripts never see it; the cookie is read back only from requests that carry
 * the header too (a cross-site form cannot set it).
 */
@Injectable()
export class SessionCookie {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  isCookieMode(request: FastifyRequest): boolean {
    return request.headers[SESSION_MODE_HEADER] === SESSION_MODE_COOKIE;
  }

  /** The refresh token a request presents: its body's, else in cookie mode the cookie's. */
  presentedToken(request: FastifyRequest, fromBody: string | undefined): string | undefined {
    if (fromBody) return fromBody;
    return this.isCookieMode(request) ? request.cookies[REFRESH_COOKIE_NAME] || undefined : undefined;
  }

  /** The answer to send: in cookie mode the token moves from the body to the cookie. */
  deliver(request: FastifyRequest, reply: FastifyReply, session: TokenResponse): SessionResponse {
    if (!this.isCookieMode(request)) return session;
    const { refreshToken, ...rest } = session;
    void reply.setCookie(REFRESH_COOKIE_NAME, refreshToken, { ...this.attributes(), maxAge: this.config.auth.refreshTokenTtlDays * 86_400 });
    return rest;
  }

  clear(request: FastifyRequest, reply: FastifyReply): void {
    if (this.isCookieMode(request)) void reply.clearCookie(REFRESH_COOKIE_NAME, this.attributes());
  }

  private attributes() {
    return { path: REFRESH_COOKIE_PATH, httpOnly: true, secure: true, sameSite: 'strict' as const };
  }
}
