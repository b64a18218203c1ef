import { z } from 'zod';
import { IdSchema, LocalDateSchema } from './common.js';

export const COMPETENCY_LEVELS = ['NOT_STARTED', 'IN_PROGRESS', 'ACQUIRED'] as const;
export type CompetencyLevelValue = (typeof COMPETENCY_LEVELS)[number];

export const COMPETENCY_LEVEL_LABELS: Record<CompetencyLevelValue, string> = {
  NOT_STARTED: 'Non abordée',
  IN_PROGRESS: 'En cours d’acquisition',
  ACQUIRED: 'Acquise',
};

const Assessments = z
  .array(z.strictObject({ competencyId: IdSchema, level: z.enum(COMPETENCY_LEVELS) }))
  .max(200)
  .refine((items) => new Set(items.map((i) => i.competencyId)).size === items.length, { error: 'Une compétence apparaît deux fois' });

export const ProgressEntryFields = z.strictObject({
  date: LocalDateSchema,
  activity: z.string().trim().min(1, { error: 'Décrivez l’activité réalisée' }).max(2000),
  hours: z.number({ error: 'Nombre d’heures requis' }).min(0.25, { error: 'Au moins un quart d’heure' }).max(24, { error: '24 heures au plus' }),
  comment: z.string().trim().max(4000).optional(),
  assessments: Assessments.default([]),
  /** Documents already uploaded on the pathway (photos, reports) to attach. */
  attachmentIds: z.array(IdSchema).max(10).default([]),
});
export const CreateProgressEntryRequest = ProgressEntryFields;
export type CreateProgressEntryInput = z.infer<typeof CreateProgressEntryRequest>;
// .partial() keeps defaults: assessments left out of a PATCH must stay as they are, not be emptied.
export const UpdateProgressEntryRequest = ProgressEntryFields.partial().extend({ assessments: Assessments.optional(), attachmentIds: z.array(IdSchema).max(10).optional() });
export type UpdateProgressEntryInput = z.infer<typeof UpdateProgressEntryRequest>;

/** Cursor pagination: pass back `nextCursor` as `cursor` for the next page. */
export const CursorQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type CursorQueryInput = z.infer<typeof CursorQuery>;

export interface CursorPage<T> {
  items: T[];
  /** null on the last page. */
  nextCursor: string | null;
}

export interface ProgressEntryView {
  id: string;
  date: string;
  activity: string;
  hours: number;
  comment: string | null;
  author: { id: string; firstName: string; lastName: string };
  assessments: { competencyId: string; code: string; title: string; blocCode: string; level: CompetencyLevelValue }[];
  attachments: { id: string; fileName: string; mimeType: string }[];
  /** Until when the author may still correct it; afterwards corrections are new entries. */
  editableUntil: string;
  createdAt: string;
  updatedAt: string;
}

export interface CoverageView {
  blocs: { code: string; title: string; competencies: number; acquired: number; inProgress: number; acquiredShare: number }[];
  acquiredShare: number;
  lastEntryDate: string | null;
}
