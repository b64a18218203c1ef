import { Injectable } from '@nestjs/common';
import { ClsService, ClsServiceManager } from 'nestjs-cls';
import type { Role } from '@jalon/contracts';

/** Who is acting, as proven by a verified access token (or set by a job for its tenant). */
export interface Principal {
  userId: string;
  /** Null for the platform administrator, who acts outside any tenant. */
  tenantId: string | null;
  membershipId: string | null;
  role: Role;
}

// Symbols, not dotted strings: nestjs-cls reads 'a.b' as a path into nested objects.
const PRINCIPAL = Symbol('principal');
const TENANT = Symbol('tenant');
const REQUEST_ID = Symbol('requestId');

export class MissingTenantError extends Error {
  override name = 'MissingTenantError';
  constructor() {
    super('No tenant in the current context: tenant-scoped code ran outside an authenticated request or a tenant job.');
  }
}

/**
 * The request's (or job's) context. The tenant is set only from a verified
 * token or a job's own tenant id, and reading it where none was set throws:
 * tenant-scoped code fails closed.
 */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService) {}

  get tenantId(): string {
    const tenantId = this.cls.isActive() ? this.cls.get<string | undefined>(TENANT) : undefined;
    if (!tenantId) throw new MissingTenantError();
    return tenantId;
  }

  get principal(): Principal | null {
    return (this.cls.isActive() && this.cls.get<Principal | undefined>(PRINCIPAL)) || null;
  }

  get requestId(): string | null {
    return (this.cls.isActive() && this.cls.get<string | undefined>(REQUEST_ID)) || null;
  }

  /** Request id, tenant and user of the current context, for log lines (empty outside one). */
  static logFields(): { reqId?: string; tenantId?: string; userId?: string } {
    const cls = ClsServiceManager.getClsService();
    if (!cls.isActive()) return {};
    const principal = cls.get<Principal | undefined>(PRINCIPAL);
    const tenantId = cls.get<string | undefined>(TENANT);
    const reqId = cls.get<string | undefined>(REQUEST_ID);
    return { ...(reqId ? { reqId } : {}), ...(tenantId ? { tenantId } : {}), ...(principal ? { userId: principal.userId } : {}) };
  }

  setPrincipal(principal: Principal): void {
    this.cls.set(PRINCIPAL, principal);
    this.cls.set(TENANT, principal.tenantId ?? undefined);
  }

  setRequestId(id: string): void {
    this.cls.set(REQUEST_ID, id);
  }

  /** Runs `work` in a fresh context for one tenant (jobs, scripts). */
  runForTenant<T>(tenantId: string, work: () => Promise<T>, requestId?: string): Promise<T> {
    return this.cls.run({ ifNested: 'override' }, () => {
      this.cls.set(TENANT, tenantId);
      if (requestId) this.cls.set(REQUEST_ID, requestId);
      return work();
    });
  }
}
