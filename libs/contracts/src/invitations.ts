import { z } from 'zod';
import { Email, TenantRoleSchema } from './auth.js';

export const CreateInvitationRequest = z.strictObject({
  email: Email,
  role: TenantRoleSchema,
  employerId: z.uuid({ error: 'Identifiant d’entreprise invalide' }).optional(),
});
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
