import { Injectable } from '@nestjs/common';
import { normaliseForSearch } from '@jalon/contracts';
import { Database, type User } from '@jalon/server/database';

/** Users are global (one login, several tenants): this repository takes no tenant. */
@Injectable()
export class UserRepository {
  constructor(private readonly db: Database) {}

  findByEmail(email: string): Promise<User | null> {
    return this.db.client.user.findUnique({ where: { email } });
  }

  findById(id: string): Promise<User | null> {
    return this.db.client.user.findUnique({ where: { id } });
  }

  /** First and last names by user id (authors on a pathway's pages). */
  async namesOf(ids: string[]): Promise<Map<string, { firstName: string; lastName: string }>> {
    if (!ids.length) return new Map();
    const rows = await this.db.client.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, firstName: true, lastName: true } });
    return new Map(rows.map((r) => [r.id, { firstName: r.firstName, lastName: r.lastName }]));
  }

  create(data: { email: string; passwordHash: string; firstName: string; lastName: string }): Promise<User> {
    return this.db.client.user.create({ data: { ...data, searchName: normaliseForSearch(`${data.firstName} ${data.lastName}`) } });
  }
}
