import { z } from 'zod';
import { PageQuery, SearchQuery } from './common.js';

export const CERTIFICATION_KINDS = ['RNCP', 'RS', 'CQP', 'CQPM'] as const;

const Competency = z.strictObject({
  code: z.string().trim().min(1).max(30),
  title: z.string().trim().min(1).max(500),
});
const Bloc = z.strictObject({
  code: z.string().trim().min(1, { error: 'Code du bloc requis' }).max(30),
  title: z.string().trim().min(1, { error: 'Intitulé du bloc requis' }).max(500),
  competencies: z.array(Competency).min(1, { error: 'Un bloc compte au moins une compétence' }).max(100),
});

const uniqueCodes = (items: { code: string }[]) => new Set(items.map((i) => i.code)).size === items.length;

export const CertificationFields = z.strictObject({
  kind: z.enum(CERTIFICATION_KINDS),
  code: z.string().trim().min(1, { error: 'Code requis (ex. RNCP35190)' }).max(50),
  title: z.string().trim().min(1, { error: 'Intitulé requis' }).max(300),
  level: z.number().int().min(1).max(8).optional(),
  certifier: z.string().trim().min(1, { error: 'Certificateur requis' }).max(200),
  admissibilityValidityMonths: z.number().int().min(1).max(120).default(36),
  blocs: z
    .array(Bloc)
    .min(1, { error: 'Une certification compte au moins un bloc' })
    .max(30)
    .refine(uniqueCodes, { error: 'Deux blocs ont le même code' })
    .refine((blocs) => blocs.every((b) => uniqueCodes(b.competencies)), { error: 'Deux compétences d’un bloc ont le même code' }),
});
export const CreateCertificationRequest = CertificationFields;
export type CreateCertificationInput = z.infer<typeof CreateCertificationRequest>;
// .partial() keeps defaults: a field left out of a PATCH must stay as it is, not be reset.
export const UpdateCertificationRequest = CertificationFields.partial().extend({ admissibilityValidityMonths: z.number().int().min(1).max(120).optional() });
export type UpdateCertificationInput = z.infer<typeof UpdateCertificationRequest>;

export const ListCertificationsQuery = PageQuery.extend({ q: SearchQuery.optional(), kind: z.enum(CERTIFICATION_KINDS).optional() });
export type ListCertificationsInput = z.infer<typeof ListCertificationsQuery>;

export interface CertificationView {
  id: string;
  kind: (typeof CERTIFICATION_KINDS)[number];
  code: string;
  title: string;
  level: number | null;
  certifier: string;
  admissibilityValidityMonths: number;
  blocs: { id: string; code: string; title: string; competencies: { id: string; code: string; title: string }[] }[];
}
