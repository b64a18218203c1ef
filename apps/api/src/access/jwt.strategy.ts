import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Principal } from '@jalon/server/context';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';
import type { AccessTokenClaims } from './access-token.js';
import { MembershipRevocations } from './membership-revocations.js';

export const JWT_ALGORITHM = 'HS256';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly revocations: MembershipRevocations,
  ) {
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

  /** False (401) for a token issued before its membership was deactivated or given another role. */
  validate(claims: AccessTokenClaims): Principal | false {
    if (claims.mid && this.revocations.isRevoked(claims.mid, claims.ims ?? claims.iat * 1000)) return false;
    return { userId: claims.sub, tenantId: claims.tid, membershipId: claims.mid, role: claims.role };
  }
}
