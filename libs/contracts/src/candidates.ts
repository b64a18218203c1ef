import { z } from 'zod';
import { PageQuery, PhoneSchema, SearchQuery, requiredDate } from './common.js';

/** Priority publics (longer ordinary contracts), as in the regulation. */
export const PUBLIC_CATEGORIES = ['YOUNG_UNQUALIFIED_16_25', 'JOB_SEEKER_LONG_TERM', 'RSA', 'ASS', 'AAH', 'FORMER_CUI', 'OTHER'] as const;

export const CandidateFields = z.strictObject({
  firstName: z.string().trim().min(1, { error: 'Prénom requis' }).max(100),
  lastName: z.string().trim().min(1, { error: 'Nom requis' }).max(100),
  birthDate: requiredDate('Date de naissance requise'),
  email: z.email({ error: 'Adresse e-mail invalide' }).optional(),
  phone: PhoneSchema.optional(),
  qualificationLevel: z.number().int().min(0).max(8).default(0),
  highestQualification: z.string().trim().max(200).optional(),
  publicCategory: z.enum(PUBLIC_CATEGORIES).optional(),
  prescriber: z.string().trim().max(200).optional(),
});
export const CreateCandidateRequest = CandidateFields;
export type CreateCandidateInput = z.infer<typeof CreateCandidateRequest>;
// .partial() keeps defaults: a field left out of a PATCH must stay as it is, not be reset.
// The optional fields also take null: emptied in an edit, they are cleared.
export const UpdateCandidateRequest = CandidateFields.partial().extend({
  qualificationLevel: z.number().int().min(0).max(8).optional(),
  email: CandidateFields.shape.email.unwrap().nullable().optional(),
  phone: PhoneSchema.nullable().optional(),
  highestQualification: CandidateFields.shape.highestQualification.unwrap().nullable().optional(),
  publicCategory: CandidateFields.shape.publicCategory.unwrap().nullable().optional(),
  prescriber: CandidateFields.shape.prescriber.unwrap().nullable().optional(),
});
export type UpdateCandidateInput = z.infer<typeof UpdateCandidateRequest>;

export const ListCandidatesQuery = PageQuery.extend({ q: SearchQuery.optional(), sort: z.enum(['lastName', '-lastName', 'createdAt', '-createdAt']).default('lastName') });
export type ListCandidatesInput = z.infer<typeof ListCandidatesQuery>;

export interface CandidateView {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  email: string | null;
  phone: string | null;
  qualificationLevel: number;
  highestQualification: string | null;
  publicCategory: string | null;
  prescriber: string | null;
  createdAt: string;
}
