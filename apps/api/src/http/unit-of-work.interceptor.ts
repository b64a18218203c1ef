import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { RequestContext } from '@jalon/server/context';
import { Database } from '@jalon/server/database';
import { ACCESS_METADATA, type RouteAccess } from '../access/access.decorators.js';

const OWN_TRANSACTIONS = 'jalon:own-transactions';

/**
 * The handler opens the transactions it needs itself, scoped to the caller's
 * tenant: for a route that mostly answers from a cache (the dashboard), or
 * reads one statement in a plain transaction (Database.sqlStatement).
 */
export const OwnTransactions = () => SetMetadata(OWN_TRANSACTIONS, true);

/**
 * One transaction per authenticated request, scoped to the caller's tenant:
 * everything a handler writes commits together or not at all, and row-level
 * security sees the tenant. Public routes, and those marked
 * `@OwnTransactions()`, open their own transactions.
 */
@Injectable()
export class UnitOfWorkInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly db: Database,
    private readonly context: RequestContext,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [execution.getHandler(), execution.getClass()]);
    if (!access || access.public || this.reflector.get<boolean | undefined>(OWN_TRANSACTIONS, execution.getHandler())) return next.handle();
    const tenantId = this.context.principal?.tenantId ?? null;
    return from(this.db.transaction(tenantId, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
