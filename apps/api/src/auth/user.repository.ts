import { Injectable } from '@nestjs/common';
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

  create(data: { email: string; passwordHash: string; firstName: string; lastName: string }): Promise<User> {
    return this.db.client.user.create({ data });
  }
}
