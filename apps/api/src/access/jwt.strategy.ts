import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Principal } from '@jalon/server/context';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';
import type { AccessTokenClaims } from './access-token.js';

export const JWT_ALGORITHM = 'HS256';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.auth.jwtSecret,
      algorithms: [JWT_ALGORITHM],
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): Principal {
    return { userId: claims.sub, tenantId: claims.tid, membershipId: claims.mid, role: claims.role };
  }
}
