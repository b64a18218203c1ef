import { Injectable } from '@nestjs/common';
import { parisDate } from '@jalon/domain';
import { RequestContext } from '@jalon/server/context';
import { Database } from '@jalon/server/database';
import { notFound } from '@jalon/server/errors';
import { MembershipRepository } from '../auth/membership.repository.js';
import { PathwayRepository, type PathwayDetail, type PathwayScope } from './pathway.repository.js';

/** Roles that see every pathway of the tenant and may change them. */
const STAFF = new Set(['TENANT_ADMIN', 'COORDINATOR']);

/**
 * Which pathways the caller may see (DESIGN.md §6), as a scope that every
 * pathway query adds: a tutor sees those where they are the company tutor of
 * a current placement, an employer contact those placed with their company,
 * a candidate their own. Anything else reads as not found.
 */
@Injectable()
export class PathwayAccess {
  constructor(
    private readonly context: RequestContext,
    private readonly memberships: MembershipRepository,
    private readonly pathways: PathwayRepository,
    private readonly db: Database,
  ) {}

  /**
   * The pathway, if the caller may see it ('read') or follow it ('follow':
   * staff, or the company tutor of a current placement, who write progress
   * and AFEST steps); 404 otherwise, whether it exists or not.
   */
  async find(id: string, purpose: 'read' | 'follow' = 'read'): Promise<PathwayDetail> {
    const pathway = await this.pathways.findDetail(this.context.tenantId, id, await this.scope());
    if (!pathway || (purpose === 'follow' && !this.isStaff && this.context.principal?.role !== 'TUTOR')) throw notFound('Ce parcours');
    return pathway;
  }

  /** Like find('read'), for callers that need only the check. */
  async assertVisible(id: string): Promise<void> {
    if (!(await this.pathways.isVisible(this.context.tenantId, id, await this.scope()))) throw notFound('Ce parcours');
  }

  get isStaff(): boolean {
    return STAFF.has(this.context.principal?.role ?? '');
  }

  async scope(): Promise<PathwayScope> {
    const principal = this.context.principal;
    if (!principal || !principal.membershipId) return NOTHING;
    if (STAFF.has(principal.role)) return { kind: 'tenant' };
    const tenantId = this.context.tenantId;
    // In the request's unit of work, or in a transaction of its own for a route that opens its own (@OwnTransactions).
    const membership = await this.db.transaction(tenantId, () => this.memberships.findById(tenantId, principal.membershipId!));
    if (!membership) return NOTHING;
    const today = parisDate(new Date());
    switch (membership.role) {
      case 'TUTOR':
        return { kind: 'tutor', membershipId: membership.id, today };
      case 'EMPLOYER':
        return membership.employerId ? { kind: 'employer', employerId: membership.employerId, today } : NOTHING;
      case 'CANDIDATE':
        return membership.candidateId ? { kind: 'candidate', candidateId: membership.candidateId } : NOTHING;
      default:
        return NOTHING;
    }
  }
}

const NOTHING: PathwayScope = { kind: 'none' };
