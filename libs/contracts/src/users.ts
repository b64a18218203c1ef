import { z } from 'zod';
import { TenantRoleSchema } from './auth.js';
import { csv, IdSchema, PageQuery, SearchQuery } from './common.js';
import type { TenantRole } from './roles.js';

export const MEMBER_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const ListMembersQuery = PageQuery.extend({
  /** First name, last name or e-mail; accents and case do not matter. */
  q: SearchQuery.optional(),
  /** One role or several, comma-separated. */
  role: csv(TenantRoleSchema).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
});
export type ListMembersInput = z.infer<typeof ListMembersQuery>;

/**
 * A member's role, with the record the role needs: the member company of an
 * employer contact (optional for a company tutor), the candidate record of an
 * alternant. Links the new role does not use are dropped.
 */
export const ChangeMemberRoleRequest = z
  .strictObject({
    role: TenantRoleSchema,
    employerId: IdSchema.optional(),
    candidateId: IdSchema.optional(),
  })
  .refine((i) => i.role !== 'EMPLOYER' || i.employerId, { path: ['employerId'], error: 'Choisissez l’entreprise de ce contact.' })
  .refine((i) => i.role !== 'CANDIDATE' || i.candidateId, { path: ['candidateId'], error: 'Choisissez la fiche de l’alternant·e.' });
export type ChangeMemberRoleInput = z.infer<typeof ChangeMemberRoleRequest>;

/** A person's membership of the GEIQ. */
export interface MemberView {
  /** The user's id: what `/users/:id` and a referent coordinator take. */
  id: string;
  /** The membership's id: what a placement's company tutor takes. */
  membershipId: string;
  firstName: string;
  lastName: string;
  email: string;
  role: TenantRole;
  employer: { id: string; name: string } | null;
  candidate: { id: string; firstName: string; lastName: string } | null;
  active: boolean;
  /** When the membership began. */
  memberSince: string;
  /** Last sign-in to this GEIQ (null: never since it is recorded). Only in a tenant admin's answers. */
  lastSignInAt?: string | null;
}
