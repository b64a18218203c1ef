import { Injectable } from '@nestjs/common';
import { Database, type RefreshToken } from '@jalon/server/database';

/** Refresh tokens belong to a user (and a membership), not to a tenant table: looked up by hash before any tenant is known. */
@Injectable()
export class RefreshTokenRepository {
  constructor(private readonly db: Database) {}

  create(data: { userId: string; membershipId: string | null; familyId: string; tokenHash: string; expiresAt: Date }): Promise<{ id: string }> {
    return this.db.client.refreshToken.create({ data, select: { id: true } });
  }

  findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.db.client.refreshToken.findUnique({ where: { tokenHash } });
  }

  /** Marks a token used; false if it already was (a concurrent refresh won). */
  async markRotated(id: string, at: Date): Promise<boolean> {
    const { count } = await this.db.client.refreshToken.updateMany({
      where: { id, rotatedAt: null, revokedAt: null },
      data: { rotatedAt: at },
    });
    return count === 1;
  }

  /** Signs a membership out: every refresh token of its sessions, all families. */
  async revokeForMembership(membershipId: string, at: Date): Promise<number> {
    const { count } = await this.db.client.refreshToken.updateMany({ where: { membershipId, revokedAt: null }, data: { revokedAt: at } });
    return count;
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    await this.db.client.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: at } });
  }
}
