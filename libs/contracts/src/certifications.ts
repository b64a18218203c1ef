import { z } from 'zod';
import { PageQuery, SearchQuery } from './common.js';

export const CERTIFICATION_KINDS = ['RNCP', 'RS', 'CQP', 'CQPM'] as const;

const Competency = z.strictObject({
  code: z.string().trim().min(1, { error: 'Code de la compétence requis' }).max(30),
  title: z.string().trim().min(1, { error: 'Intitulé de la compétence requis' }).max(500),
});
const Bloc = z.strictObject({
  code: z.string().trim().min(1, { error: 'Code du bloc requis' }).max(30),
  title: z.string().trim().min(1, { error: 'Intitulé du bloc requis' }).max(500),
  competencies: z.array(Competency).min(1, { error: 'Un bloc compte au moins une compétence' }).max(100),
});

const ValidityMonths = z
  .number({ error: 'Nombre de mois attendu' })
  .int({ error: 'Nombre entier de mois attendu' })
  .min(1, { error: 'Entre 1 et 120 mois' })
  .max(120, { error: 'Entre 1 et 120 mois' });

const Level = z.number().int().min(1, { error: 'Niveau entre 1 et 8' }).max(8, { error: 'Niveau entre 1 et 8' });

/** Indexes of the items whose code an earlier item already has. */
function repeated(items: { code: string }[]): number[] {
  const seen = new Set<string>();
  const found: number[] = [];
  for (const [i, item] of items.entries()) {
    if (seen.has(item.code)) found.push(i);
    seen.add(item.code);
  }
  return found;
}

export const CertificationFields = z.strictObject({
  kind: z.enum(CERTIFICATION_KINDS),
  code: z.string().trim().min(1, { error: 'Code requis (ex. RNCP35190)' }).max(50),
  title: z.string().trim().min(1, { error: 'Intitulé requis' }).max(300),
  level: Level.optional(),
  certifier: z.string().trim().min(1, { error: 'Certificateur requis' }).max(200),
  admissibilityValidityMonths: ValidityMonths.default(36),
  blocs: z
    .array(Bloc)
    .min(1, { error: 'Une certification compte au moins un bloc' })
    .max(30)
    .superRefine((blocs, ctx) => {
      // On the second of two equal codes, so that the message stands next to the field to change.
      for (const i of repeated(blocs)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: 'Un autre bloc a déjà ce code' });
      for (const [i, bloc] of blocs.entries()) {
        for (const j of repeated(bloc.competencies)) ctx.addIssue({ code: 'custom', path: [i, 'competencies', j, 'code'], message: 'Une autre compétence de ce bloc a déjà ce code' });
      }
    }),
});
export const CreateCertificationRequest = CertificationFields;
export type CreateCertificationInput = z.infer<typeof CreateCertificationRequest>;
// .partial() keeps defaults: a field left out of a PATCH must stay as it is, not be reset.
// `blocs`, when sent, is the whole structure: blocs and competencies whose codes stay keep their identity (progress entries point at them).
export const UpdateCertificationRequest = CertificationFields.partial().extend({
  admissibilityValidityMonths: ValidityMonths.optional(),
  /** null: no level any more. */
  level: Level.nullable().optional(),
});
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
  /** Pathways following it: while any does, blocs and competencies can be retitled but not added, removed or recoded. */
  pathwayCount: number;
  blocs: { id: string; code: string; title: string; competencies: { id: string; code: string; title: string }[] }[];
}
