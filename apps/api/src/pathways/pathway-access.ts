import { Injectable } from '@nestjs/common';
import { parisDate } from '@jalon/domain';
import { RequestContext } from '@jalon/server/context';
import { toDbDate, type Prisma } from '@jalon/server/database';
import { notFound } from '@jalon/server/errors';
import { MembershipRepository } from '../auth/membership.repository.js';
import { PathwayRepository, type PathwayDetail } from './pathway.repository.js';

/** Roles that see every pathway of the tenant and may change them. */
const STAFF = new Set(['TENANT_ADMIN', 'COORDINATOR']);

/**
 * Which pathways the caller may see (DESIGN.md §6), as a where clause that
 * every pathway query adds: a tutor sees those where they are the company
 * tutor of a current placement, an employer contact those placed with their
 * company, a candidate their own. Anything else reads as not found.
 */
@Injectable()
export class PathwayAccess {
  constructor(
    private readonly context: RequestContext,
    private readonly memberships: MembershipRepository,
    private readonly pathways: PathwayRepository,
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

  async scope(): Promise<Prisma.PathwayWhereInput> {
    const principal = this.context.principal;
    if (!principal || !principal.membershipId) return NOTHING;
    if (STAFF.has(principal.role)) return {};
    const membership = await this.memberships.findById(this.context.tenantId, principal.membershipId);
    if (!membership) return NOTHING;
    switch (membership.role) {
      case 'TUTOR':
        return { placements: { some: { tutorMembershipId: membership.id, ...currentOn(new Date()) } } };
      case 'EMPLOYER':
        return membership.employerId ? { placements: { some: { employerId: membership.employerId, ...currentOn(new Date()) } } } : NOTHING;
      case 'CANDIDATE':
        return membership.candidateId ? { candidateId: membership.candidateId } : NOTHING;
      default:
        return NOTHING;
    }
  }
}

const NOTHING: Prisma.PathwayWhereInput = { id: { in: [] } };

/** A placement is current on a Paris day when it has started and not ended. */
export function currentOn(now: Date): Prisma.PlacementWhereInput {
  const today = toDbDate(parisDate(now));
  return { startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] };
}
