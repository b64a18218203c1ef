import { z } from 'zod';
import { IdSchema, LocalDateSchema } from './common.js';
import { COMPETENCY_LEVELS } from './progress.js';

export const CreateAfestCycleRequest = z.strictObject({
  title: z.string().trim().min(1, { error: 'Intitulé du cycle requis' }).max(300),
  competencyIds: z.array(IdSchema).min(1, { error: 'Choisissez au moins une compétence travaillée' }).max(50),
  /** Analyse de l’activité: the cycle opens with it. */
  analysisOn: LocalDateSchema,
  analysisNotes: z.string().trim().max(4000).optional(),
});
export type CreateAfestCycleInput = z.infer<typeof CreateAfestCycleRequest>;

const Notes = z.string().trim().max(4000).optional();

export const RecordAfestStepRequest = z.discriminatedUnion('step', [
  z.strictObject({ step: z.literal('SITUATION'), date: LocalDateSchema, notes: Notes }),
  z.strictObject({
    step: z.literal('REFLECTION'),
    date: LocalDateSchema,
    notes: Notes,
    /** D6313-3-2: the reflective sequence is distinct from the work situation. */
    separateFromProduction: z.literal(true, { error: 'La séquence réflexive doit se tenir en dehors de la production : confirmez-le.' }),
  }),
  z.strictObject({
    step: z.literal('EVALUATION'),
    date: LocalDateSchema,
    notes: Notes,
    assessments: z
      .array(z.strictObject({ competencyId: IdSchema, level: z.enum(COMPETENCY_LEVELS) }))
      .min(1, { error: 'Évaluez au moins une compétence' })
      .max(50),
  }),
]);
export type RecordAfestStepInput = z.infer<typeof RecordAfestStepRequest>;

export { AFEST_STEPS, AFEST_STEP_LABELS, type AfestStep } from '@jalon/domain';

export interface AfestCycleView {
  id: string;
  title: string;
  competencyIds: string[];
  steps: Record<'ANALYSIS' | 'SITUATION' | 'REFLECTION' | 'EVALUATION', { date: string; notes: string | null } | null>;
  nextStep: 'SITUATION' | 'REFLECTION' | 'EVALUATION' | null;
  assessments: { competencyId: string; level: string }[];
  createdAt: string;
}

export const TrainingModuleFields = z.strictObject({
  title: z.string().trim().min(1, { error: 'Intitulé requis' }).max(300),
  provider: z.string().trim().min(1, { error: 'Organisme de formation requis' }).max(300),
  hoursPlanned: z.number().min(0).max(3000),
  hoursDone: z.number().min(0).max(3000).default(0),
  startDate: LocalDateSchema.optional(),
  endDate: LocalDateSchema.optional(),
});
export const CreateTrainingModuleRequest = TrainingModuleFields;
export type CreateTrainingModuleInput = z.infer<typeof CreateTrainingModuleRequest>;
// .partial() keeps defaults: a field left out of a PATCH must stay as it is, not be reset.
export const UpdateTrainingModuleRequest = TrainingModuleFields.partial().extend({ hoursDone: z.number().min(0).max(3000).optional() });
export type UpdateTrainingModuleInput = z.infer<typeof UpdateTrainingModuleRequest>;

export interface TrainingModuleView {
  id: string;
  title: string;
  provider: string;
  hoursPlanned: number;
  hoursDone: number;
  startDate: string | null;
  endDate: string | null;
}
