import { createSecretKey } from 'node:crypto';
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
      // A key object made once: given a string, jsonwebtoken first tries (and
      // fails) to parse it as a public key on every request.
      secretOrKey: createSecretKey(Buffer.from(config.auth.jwtSecret)) as unknown as string,
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
