import { z } from 'zod';
import { IdSchema, LocalDateSchema, PageQuery } from './common.js';

export const CohortFields = z.strictObject({
  name: z.string().trim().min(1, { error: 'Nom de la promotion requis' }).max(200),
  certificationId: IdSchema,
  startDate: LocalDateSchema,
  referentCoordinatorId: IdSchema.optional(),
});
export const CreateCohortRequest = CohortFields;
export type CreateCohortInput = z.infer<typeof CreateCohortRequest>;
/** `referentCoordinatorId: null` leaves the cohort without a referent; its certification is fixed once pathways follow it. */
export const UpdateCohortRequest = CohortFields.partial().extend({ referentCoordinatorId: IdSchema.nullable().optional() });
export type UpdateCohortInput = z.infer<typeof UpdateCohortRequest>;
export const ListCohortsQuery = PageQuery.extend({ certificationId: IdSchema.optional() });
export type ListCohortsInput = z.infer<typeof ListCohortsQuery>;

export interface CohortView {
  id: string;
  name: string;
  certificationId: string;
  startDate: string;
  referentCoordinatorId: string | null;
  pathwayCount: number;
}
