import { z } from 'zod';
import { Email, TenantRoleSchema } from './auth.js';

export const CreateInvitationRequest = z
  .strictObject({
    email: Email,
    role: TenantRoleSchema,
    /** Required for an employer contact, optional for a company tutor. */
    employerId: z.uuid({ error: 'Identifiant d’entreprise invalide' }).optional(),
    /** Required for a candidate: the record their account will see. */
    candidateId: z.uuid({ error: 'Identifiant d’alternant invalide' }).optional(),
  })
  .refine((i) => i.role !== 'EMPLOYER' || i.employerId, { path: ['employerId'], error: 'Choisissez l’entreprise de ce contact.' })
  .refine((i) => i.role !== 'CANDIDATE' || i.candidateId, { path: ['candidateId'], error: 'Choisissez la fiche de l’alternant·e invité·e.' });
export type CreateInvitationInput = z.infer<typeof CreateInvitationRequest>;

export const INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'EXPIRED', 'REVOKED'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const ListInvitationsQuery = z.strictObject({
  status: z.enum(INVITATION_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListInvitationsInput = z.infer<typeof ListInvitationsQuery>;

export interface InvitationView {
  id: string;
  email: string;
  role: z.infer<typeof TenantRoleSchema>;
  employerId: string | null;
  candidateId: string | null;
  status: InvitationStatus;
  expiresAt: string;
  createdAt: string;
  acceptedAt: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
